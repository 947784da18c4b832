import StatGuardCore

/// Every check StatGuard carries, in report order, and their catalog entries.
public enum CheckCatalog {
    /// The period checks: consistency, under, over, unit, region.
    public static let checks: [any Check.Type] = [
        C01_ExportExceedsSales.self, C02_CumulativeBelowMonth.self, C03_BrokenCumulativeChain.self,
        C04_SalesRatioBand.self, C05_OutputWithoutEnergy.self, C06_OutputWithoutEmployees.self, C07_CopiedFigures.self,
        C08_RepeatedRevisions.self,
        U01_MissingReport.self, U02_UnregisteredAboveThreshold.self, U03_BelowElectricityImpliedOutput.self,
        U04_SalesBelowInvoices.self, U05_ZeroOutputWithElectricity.self,
        O01_AboveElectricityImpliedOutput.self, O02_AboveCapacity.self, O03_AboveAdministrativeRecords.self,
        O04_YearOnYearOutlier.self, O05_YearEndPush.self, O06_ProductivityOutlier.self, O07_LoweredBase.self,
        O08_ShellEnterprise.self, O09_BelowThresholdInPanel.self, O10_StoppedButReporting.self, O11_BundledReports.self,
        N01_UnitMixUp.self,
        G01_BenfordNonconformity.self, G02_RegionGrowthAboveElectricity.self, G03_LowReportingRate.self, G04_UniformGrowth.self,
    ]

    /// Every built-in rule's entry: the structural rules applied while reading, then the period checks.
    public static var entries: [RuleEntry] {
        StructureEntries.all + checks.map { $0.entry }
    }

    /// What the checks of `ruleIDs` read from earlier periods, together.
    public static func history(of ruleIDs: Set<RuleID>) -> HistoryNeeds {
        checks.filter { ruleIDs.contains($0.entry.ruleID) }.reduce(HistoryNeeds.none) { $0.union($1.history) }
    }

    /// The baselines some check judges on: the ones ``CheckContext`` computes (when their history was read).
    public static let baselines: Set<EnterpriseBaseline.Ratio> = Set(checks.flatMap { $0.baselines })

    /// The built-in catalog, to which a pipeline's own rules are added.
    public static var catalog: FindingCatalog { FindingCatalog(entries) }
}
