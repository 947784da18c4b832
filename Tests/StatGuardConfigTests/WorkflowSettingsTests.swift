import StatGuardConfig
import StatGuardCore
import Testing

/// The pipeline file's `workflow:` section: the carry-over band, checked like every other key.
@Suite("Workflow settings")
struct WorkflowSettingsTests {
    @Test("the band defaults to ±20% and may be set")
    func band() throws {
        let pipeline = try PipelineYAML.load(PipelineYAML.minimal + """
            workflow:
              carry_over_band: 0.35
            """)
        #expect(pipeline.workflow.carryOverBand == 0.35)
        #expect(try PipelineYAML.load(PipelineYAML.minimal).workflow.carryOverBand == 0.2)
    }

    @Test("a band outside 0...10 is located and states the range")
    func outOfRange() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            workflow:
              carry_over_band: -0.1
            """)
        expectLocated(error, line: 7, column: 20, keyPath: "workflow.carry_over_band")
        #expect(error?.message.contains("outside the allowed range 0.0...10.0") == true, "\(error?.message ?? "")")
    }

    @Test("an unknown workflow key names the nearest")
    func unknownKey() {
        let error = PipelineYAML.error(PipelineYAML.minimal + """
            workflow:
              carry_over_bnd: 0.3
            """)
        expectLocated(error, line: 7, column: 3, keyPath: "workflow.carry_over_bnd")
        #expect(error?.message.contains("Did you mean 'carry_over_band'?") == true)
    }
}
