/// The page's files, compiled into the binary: nothing is fetched from anywhere at run time.
public enum WebAssets {
    /// One embedded file.
    public struct Asset: Sendable {
        public var contentType: String
        public var body: String
    }

    /// The asset served as `/assets/NAME`, if there is one.
    public static func named(_ name: String) -> Asset? {
        switch name {
        case "parley.css": Asset(contentType: "text/css; charset=utf-8", body: Stylesheet.text)
        case "parley.js": Asset(contentType: "text/javascript; charset=utf-8", body: PageScript.text)
        default: nil
        }
    }
}
