import StatGuardChecks
import StatGuardConfig
import Testing

/// Pipeline text for the loader's tests: a minimal valid file, and loading
/// helpers that hand back the ``ConfigError`` a broken one raises.
enum PipelineYAML {
    /// Where the texts pretend to live; relative paths resolve against its folder.
    static let path = "/srv/bureau/Pipelines/test.yaml"

    /// Lines 1-5 of every fixture: the smallest valid pipeline.
    static let minimal = """
        name: test-pipeline
        input:
          folder: ../data
          reports: reports/reports_{YYYYMM}.csv
          register: register/register.csv

        """

    /// The loader with every check StatGuard carries, as the command line builds it.
    static let loader = PipelineLoader(knownChecks: CheckCatalog.entries)

    static func load(_ text: String, path: String = path) throws(ConfigError) -> PipelineDefinition {
        try loader.load(yaml: text, path: path)
    }

    /// The error loading `text` raises, or nil (recorded as a test issue) when it loads.
    static func error(_ text: String, path: String = path, sourceLocation: SourceLocation = #_sourceLocation) -> ConfigError? {
        do {
            _ = try loader.load(yaml: text, path: path)
            Issue.record("the pipeline loaded, but an error was expected", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }
}

/// Expects `error` at `line`:`column` with `keyPath`, and its one-line description
/// to start with `file:line:column: keyPath: ` so an operator can jump to it.
func expectLocated(
    _ error: ConfigError?, line: Int, column: Int, keyPath: String, file: String = PipelineYAML.path,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let error else { return }
    #expect(error.file == file, sourceLocation: sourceLocation)
    #expect(error.line == line, "line", sourceLocation: sourceLocation)
    #expect(error.column == column, "column", sourceLocation: sourceLocation)
    #expect(error.keyPath == keyPath, sourceLocation: sourceLocation)
    let prefix = keyPath.isEmpty ? "\(file):\(line):\(column): " : "\(file):\(line):\(column): \(keyPath): "
    #expect(error.description.hasPrefix(prefix), "\(error.description)", sourceLocation: sourceLocation)
}
