import ArgumentParser
import ParleyOperations
import ParleyServer

/// `parley serve`: the store as a SPARQL 1.1 Protocol and Graph Store Protocol endpoint.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the store over HTTP: SPARQL queries at /sparql, graphs at /store.",
        discussion: """
            Listens on 127.0.0.1:7878 and answers queries only, until Ctrl-C or SIGTERM (the requests \
            in flight finish first; the exit status is then 0). --allow-update lets clients change the \
            store (SPARQL updates, PUT/POST/DELETE on /store); --bind 0.0.0.0 lets other machines in. \
            There is no authentication: open either only where every client may do what it allows. \
            Results are chosen by the Accept header (JSON and Turtle by default). See README.md, \
            "Serving the store".
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The address to listen on (0.0.0.0 for every interface).", valueName: "address"))
    var bind = "127.0.0.1"

    @Option(help: ArgumentHelp("The TCP port (0: any free one; the banner says which).", valueName: "port"))
    var port = 7878

    @Flag(help: "Accept SPARQL updates and Graph Store writes (PUT, POST, DELETE); otherwise they get 403.")
    var allowUpdate = false

    @Option(help: ArgumentHelp("Stop queries and updates after this many seconds with 503.", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("The largest request body accepted, in bytes (413 beyond).", valueName: "bytes"))
    var maxBody = 16 << 20

    @Flag(help: "Make the default graph the unnamed graph only (the standard SPARQL dataset), not the union of all graphs.")
    var noUnionDefaultGraph = false

    func validate() throws {
        if let timeout, !isValidTimeout(timeout) { throw ValidationError("--timeout needs a positive number of seconds.") }
        if !(0...65535).contains(port) { throw ValidationError("--port needs a number from 0 to 65535.") }
        if maxBody < 1 { throw ValidationError("--max-body needs a positive number of bytes.") }
    }

    func run() throws {
        var configuration = ServerConfiguration()
        configuration.host = bind
        configuration.port = port
        configuration.allowUpdate = allowUpdate
        configuration.timeout = timeout.map { timeoutDuration(seconds: $0) }
        configuration.maxBody = maxBody
        configuration.unionDefaultGraph = !noUnionDefaultGraph
        let session = StoreSession(store: try store.open())
        let access = allowUpdate ? "updates ALLOWED (--allow-update)" : "read-only (start with --allow-update to accept updates)"
        let path = store.path
        try HTTPServer.runBlocking(session, configuration: configuration) { url in
            Terminal.standardError.write("parley serve: \(path) at \(url)/sparql and \(url)/store; \(access); Ctrl-C stops\n")
        }
    }
}
