import StatGuardConfig
import Testing

/// Every mistake in a pipeline file is reported before any data is read, with
/// the file, line, column and key path of the offending text.
@Suite("Pipeline file errors are located")
struct PipelineErrorTests {
    @Test("an unknown top-level key names the nearest known key")
    func unknownTopLevelKey() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            chans:
              煤及煤化工: ["06"]
            """)
        expectLocated(error, line: 6, column: 1, keyPath: "chans")
        #expect(error?.message.contains("unknown key 'chans'. Did you mean 'chains'?") == true)
    }

    @Test("an unknown key inside input names the nearest known key")
    func unknownInputKey() {
        let error = PipelineYAML.error("""
            name: test-pipeline
            input:
              folder: ../data
              reprots: reports/reports_{YYYYMM}.csv
              register: register/register.csv
            """)
        expectLocated(error, line: 4, column: 3, keyPath: "input.reprots")
        #expect(error?.message.contains("Did you mean 'reports'?") == true)
    }

    @Test("an unknown check id is located at the id and lists the known checks")
    func unknownCheck() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            checks:
              O99:
                enabled: false
            """)
        expectLocated(error, line: 7, column: 3, keyPath: "checks.O99")
        #expect(error?.message.contains("unknown check 'O99'") == true)
        #expect(error?.message.contains("Known checks: ") == true)
        #expect(error?.message.contains("O01") == true)
    }

    @Test("a check id in the wrong case suggests the right one")
    func checkIDCase() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            checks:
              o01: {severity: info}
            """)
        expectLocated(error, line: 7, column: 3, keyPath: "checks.o01")
        #expect(error?.message.contains("Did you mean 'O01'?") == true)
    }

    @Test("an unknown parameter of a check names the nearest parameter")
    func unknownParameter() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            checks:
              O01:
                high_ration: 2
            """)
        expectLocated(error, line: 8, column: 5, keyPath: "checks.O01.high_ration")
        #expect(error?.message.contains("unknown key 'high_ration'. Did you mean 'high_ratio'?") == true)
    }

    @Test("a threshold outside its range states the range", arguments: ["0.5", "100.5", "-3"])
    func thresholdOutOfRange(value: String) {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            checks:
              O01:
                high_ratio: \(value)
            """)
        expectLocated(error, line: 8, column: 17, keyPath: "checks.O01.high_ratio")
        #expect(error?.message.contains("is outside the allowed range 1.0...100.0") == true, "\(error?.message ?? "")")
    }

    @Test("text where a number is expected says what was found")
    func textForNumber() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            checks:
              O01:
                high_ratio: abc
            """)
        expectLocated(error, line: 8, column: 17, keyPath: "checks.O01.high_ratio")
        #expect(error?.message == "expected a number in 1.0...100.0, found 'abc'")
    }

    @Test("a list where a number is expected says a list was found")
    func listForNumber() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            checks:
              O01:
                high_ratio: [2, 3]
            """)
        expectLocated(error, line: 8, column: 17, keyPath: "checks.O01.high_ratio")
        #expect(error?.message.contains("found a list") == true)
    }

    @Test("a severity other than error, warning or info is refused")
    func badSeverity() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            checks:
              C01:
                severity: fatal
            """)
        expectLocated(error, line: 8, column: 15, keyPath: "checks.C01.severity")
        #expect(error?.message == "expected error, warning or info, found 'fatal'")
    }

    @Test("structural rules cannot be switched off", arguments: ["S01", "S05", "S09"])
    func structuralRuleOff(rule: String) {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            checks:
              \(rule):
                enabled: false
            """)
        expectLocated(error, line: 8, column: 14, keyPath: "checks.\(rule).enabled")
        #expect(error?.message == "\(rule) is a structural rule and cannot be switched off")
    }

    @Test("enabled must be true or false")
    func enabledNotBool() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            checks:
              C07:
                enabled: sometimes
            """)
        expectLocated(error, line: 8, column: 14, keyPath: "checks.C07.enabled")
        #expect(error?.message == "expected true or false, found 'sometimes'")
    }

    @Test("an alias naming an unknown field names the nearest field")
    func aliasUnknownField() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
              aliases:
                reports:
                  产值本月: gross_outptu
            """)
        // Columns count Unicode scalars: six spaces, four characters, ': '.
        expectLocated(error, line: 8, column: 13, keyPath: "input.aliases.reports.产值本月")
        #expect(error?.message == "'gross_outptu' is not a field of reports. Did you mean 'gross_output'?")
    }

    @Test("an alias naming a field of another file kind is refused")
    func aliasFieldOfOtherKind() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
              aliases:
                register:
                  产值本月: gross_output
            """)
        expectLocated(error, line: 8, column: 13, keyPath: "input.aliases.register.产值本月")
        #expect(error?.message.hasPrefix("'gross_output' is not a field of register.") == true)
    }

    @Test("aliases for an unknown file kind name the nearest kind")
    func aliasUnknownKind() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
              aliases:
                report:
                  产值本月: gross_output
            """)
        expectLocated(error, line: 7, column: 5, keyPath: "input.aliases.report")
        #expect(error?.message.contains("Did you mean 'reports'?") == true)
    }

    @Test("a missing name is reported with its key path")
    func missingName() {
        let error = PipelineYAML.error("""
            input:
              folder: ../data
              reports: reports/reports_{YYYYMM}.csv
              register: register/register.csv
            """)
        expectLocated(error, line: 1, column: 1, keyPath: "name")
        #expect(error?.message == "the key 'name' is required")
    }

    @Test("a missing input section is reported with its key path")
    func missingInput() {
        let error = PipelineYAML.error("name: test-pipeline\nstore: x.sqlite\n")
        expectLocated(error, line: 1, column: 1, keyPath: "input")
        #expect(error?.message.hasPrefix("the key 'input' is required") == true)
    }

    @Test("a missing input.folder is located at the input section")
    func missingFolder() {
        let error = PipelineYAML.error("""
            name: test-pipeline
            input:
              reports: reports/reports_{YYYYMM}.csv
              register: register/register.csv
            """)
        expectLocated(error, line: 3, column: 3, keyPath: "input.folder")
        #expect(error?.message == "the key 'folder' is required")
    }

    @Test("missing input.reports or input.register is located at the input section", arguments: ["reports", "register"])
    func missingRequiredPattern(kind: String) {
        let lines = [
            "name: test-pipeline", "input:", "  folder: ../data",
            "  reports: reports/reports_{YYYYMM}.csv", "  register: register/register.csv",
        ].filter { !$0.hasPrefix("  \(kind):") }
        let error = PipelineYAML.error(lines.joined(separator: "\n") + "\n")
        expectLocated(error, line: 3, column: 3, keyPath: "input.\(kind)")
        #expect(error?.message == "the key '\(kind)' is required (its file pattern)")
    }

    @Test("a file pattern that is not a CSV file is refused")
    func patternNotCSV() {
        let error = PipelineYAML.error(PipelineYAML.minimal + "  admin: admin/admin_{YYYYMM}.xlsx\n")
        expectLocated(error, line: 6, column: 10, keyPath: "input.admin")
        #expect(error?.message.contains("found 'admin/admin_{YYYYMM}.xlsx'") == true)
    }

    @Test("an unknown encoding is refused")
    func unknownEncoding() {
        let error = PipelineYAML.error(PipelineYAML.minimal + "  encoding: latin1\n")
        expectLocated(error, line: 6, column: 13, keyPath: "input.encoding")
        #expect(error?.message == "expected auto, utf-8 or gb18030, found 'latin1'")
    }

    @Test("a name that cannot be a folder name is refused")
    func badName() {
        let error = PipelineYAML.error(PipelineYAML.minimal.replacingOccurrences(of: "name: test-pipeline", with: "name: 月报/2024"))
        expectLocated(error, line: 1, column: 7, keyPath: "name")
        #expect(error?.message.contains("found '月报/2024'") == true)
    }

    @Test("text where a list is expected says what was found")
    func textForList() {
        let error = PipelineYAML.error(PipelineYAML.minimal + "parks: 高新区\n")
        expectLocated(error, line: 6, column: 8, keyPath: "parks")
        #expect(error?.message == "expected a list, found '高新区'")
    }

    @Test("a chain prefix that is not 2 to 4 digits is located at the list item")
    func badChainPrefix() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            chains:
              新材料: ["3012", "30a1"]
            """)
        expectLocated(error, line: 7, column: 17, keyPath: "chains.新材料[1]")
        #expect(error?.message.contains("found '30a1'") == true)
    }

    @Test("a credit code in the allow-list must have 18 characters")
    func badAllowListEntry() {
        let error = PipelineYAML.error(PipelineYAML.minimal + "credit_code_allow_list: [\"12345\"]\n")
        expectLocated(error, line: 6, column: 26, keyPath: "credit_code_allow_list[0]")
        #expect(error?.message == "'12345' is not an 18-character credit code")
    }

    @Test("the 1-2月 setting must be true or false")
    func calendarNotBool() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            calendar:
              combine_january_february: sometimes
            """)
        expectLocated(error, line: 7, column: 29, keyPath: "calendar.combine_january_february")
    }

    @Test("invalid YAML is located where the parser stopped")
    func invalidYAML() {
        let error = PipelineYAML.error("""
            name: test: pipeline
            input:
              folder: ../data
            """)
        expectLocated(error, line: 1, column: 11, keyPath: "")
        #expect(error?.message.hasPrefix("not valid YAML: ") == true)
        #expect(error?.message.contains("mapping values are not allowed") == true, "\(error?.message ?? "")")
    }

    @Test("an unclosed list is located, not reported at line 0")
    func unclosedList() {
        let error = PipelineYAML.error(PipelineYAML.minimal + "parks: [高新区, 钒钛产业园\n")
        #expect((error?.line ?? 0) >= 6, "\(error?.description ?? "")")
        #expect((error?.column ?? 0) >= 1)
        #expect(error?.description.hasPrefix("\(PipelineYAML.path):\(error?.line ?? 0):\(error?.column ?? 0): not valid YAML") == true)
    }

    @Test("a key given twice is located")
    func duplicateKey() {
        let error = PipelineYAML.error(PipelineYAML.minimal + "name: again\n")
        #expect((error?.line ?? 0) > 0, "\(error?.description ?? "")")
        #expect(error?.message.contains("'name'") == true)
        #expect(error?.message.contains("twice") == true)
    }

    @Test("an empty pipeline file is refused")
    func emptyFile() {
        let error = PipelineYAML.error("# nothing here\n")
        #expect(error?.message == "the pipeline file is empty")
    }

    @Test("a file that cannot be read has no made-up location")
    func unreadableFile() {
        let path = "/nonexistent/statguard/Pipelines/missing.yaml"
        do {
            _ = try PipelineYAML.loader.load(path: path)
            Issue.record("a missing pipeline file loaded")
        } catch {
            #expect(error.line == 0)
            #expect(error.description.hasPrefix("\(path): cannot read the pipeline file"))
        }
    }
}
