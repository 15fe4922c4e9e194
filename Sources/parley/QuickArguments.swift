/// Command-line arguments read without ArgumentParser, for the few commands whose start-up
/// matters (`parley query`, the prompt): ArgumentParser's parse reflects over a command's
/// properties with protocol conformance lookups that scan the whole static binary, most of a
/// short command's run.
///
/// Deliberately narrow: only separate long options and `-x VALUE` short ones from the lists,
/// each at most once, with values that do not begin with `-`, and plain positionals. Anything
/// else (`--db=PATH`, a repeat, `--`, help, an unknown option) makes the scan give up, and then
/// ArgumentParser parses and words any error, so the two never disagree on what they both
/// accept (`ArgumentParsingTests` runs both over the same argument lists through the binary).
struct QuickArguments {
    /// Values by the option's canonical name.
    var values: [String: String] = [:]
    /// The flags given, by name.
    var flags: Set<String> = []
    /// The other arguments, in order.
    var positionals: [String] = []

    /// Set (to anything) to parse every command with ArgumentParser.
    static let slowParseVariable = "PARLEY_ARGUMENT_PARSER"

    /// `options` maps each spelling of an option that takes a value to its canonical name
    /// (`-f` and `--file` to `--file`); `flagNames` are the options that take none.
    init?(_ arguments: ArraySlice<String>, options: [String: String], flags flagNames: Set<String>) {
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if !argument.hasPrefix("-") {
                positionals.append(argument)
            } else if let name = options[argument] {
                let next = arguments.index(after: index)
                guard values[name] == nil, next < arguments.endIndex, !arguments[next].hasPrefix("-") else { return nil }
                values[name] = arguments[next]
                index = next
            } else if flagNames.contains(argument) {
                guard flags.insert(argument).inserted else { return nil }
            } else {
                return nil
            }
            index = arguments.index(after: index)
        }
    }
}
