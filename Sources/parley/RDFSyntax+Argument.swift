import ArgumentParser
import ParleyRDF

/// `--format nt|nq|ttl` for the commands that read or write RDF files.
extension RDFSyntax: ExpressibleByArgument {}
