import StatGuardCore
import StatGuardTestSupport
import StatGuardWorkflow
import Testing

/// The carry-over as a pure function: earlier decisions and this period's figures in,
/// statuses and the load's own audit entries out.
@Suite("Carry-over")
struct CarryOverTests {
    static let code = TestCodes.realValid[0]
    static let key = AlertKey(subject: code, ruleID: "O01", indicator: "gross_output")
    static let october = Period(year: 2024, month: 10), november = Period(year: 2024, month: 11), december = Period(year: 2024, month: 12)

    /// A person's decision on the October occurrence, decided on `value`.
    static func decided(
        _ status: TriageStatus, value: Double? = 1000, period: Period = october, id: Int64 = 1, until: Period? = nil
    ) -> AuditEntry {
        AuditEntry(
            id: id, key: key, period: period, at: "2024-11-05T08:00:00Z", by: "王芳", from: .open, to: status, reason: "检修后复产",
            validUntil: until, decidedValue: value, isAutomatic: false)
    }

    static func carry(_ observed: Double?, in period: Period = november, entries: [AuditEntry], last: [AlertStatus] = [], band: Double = 0.2)
        -> AlertUpdate
    {
        CarryOver(period: period, band: band, at: "2024-12-03T01:00:00Z").apply(
            [KeyObservation(key: key, observed: observed, score: 0.5)],
            history: AlertHistory(entries: entries, lastPeriod: last))
    }

    @Test("a new key is open, first seen now, and logs nothing")
    func newKey() throws {
        let update = Self.carry(1200, entries: [])
        let status = try #require(update.statuses.first)
        #expect(status.status == .open && status.firstSeen == Self.november && status.occurrences == 1 && status.since == Self.november)
        #expect(status.carriedFrom == nil && !status.isRepeat && status.observed == 1200)
        #expect(update.entries.isEmpty)
    }

    @Test("a key that fired last period continues its run")
    func continuesRun() throws {
        var last = AlertStatus.new(Self.key, period: Self.october, observed: 900, score: 1)
        last.firstSeen = Period(year: 2024, month: 9)
        last.occurrences = 2
        let status = try #require(Self.carry(1200, entries: [], last: [last]).statuses.first)
        #expect(status.firstSeen == Period(year: 2024, month: 9) && status.occurrences == 3)
    }

    @Test("explained within the band stays explained, carried from its period", arguments: [1000.0, 1199, 801, 1200, 800])
    func explainedWithinBand(observed: Double) throws {
        let update = Self.carry(observed, entries: [Self.decided(.explained)])
        let status = try #require(update.statuses.first)
        #expect(status.status == .explained && status.carriedFrom == Self.october && status.since == Self.october)
        #expect(status.reason == "检修后复产" && status.label == "已说明（沿用2024-10）")
        #expect(update.entries.isEmpty)
    }

    @Test("explained or false alarm outside the band reopens, with the reason logged", arguments: [TriageStatus.explained, .falseAlarm])
    func outsideBandReopens(decision: TriageStatus) throws {
        let update = Self.carry(1250, entries: [Self.decided(decision)])
        let status = try #require(update.statuses.first)
        #expect(status.status == .open && status.carriedFrom == nil && status.since == Self.november)
        #expect(status.reason.contains("1250") && status.reason.contains("1000") && status.reason.contains("±20%"))
        let entry = try #require(update.entries.first)
        #expect(entry.from == decision && entry.to == .open && entry.isAutomatic && entry.by == AuditEntry.loadAuthor)
        #expect(entry.period == Self.november && entry.decidedValue == 1250)
    }

    @Test("a wider band keeps what ±20% reopens")
    func configurableBand() throws {
        #expect(Self.carry(1250, entries: [Self.decided(.explained)], band: 0.3).statuses.first?.status == .explained)
    }

    @Test("valid-until: holds through its period, reopens after it")
    func validUntil() throws {
        let entries = [Self.decided(.explained, until: Self.november)]
        #expect(Self.carry(1000, in: Self.november, entries: entries).statuses.first?.status == .explained)
        let later = try #require(Self.carry(1000, in: Self.december, entries: entries).statuses.first)
        #expect(later.status == .open && later.reason.contains("已过期"))
    }

    @Test("a decision without a figure, or a key without one, holds")
    func noFigureHolds() throws {
        #expect(Self.carry(nil, entries: [Self.decided(.falseAlarm)]).statuses.first?.status == .falseAlarm)
        #expect(Self.carry(5000, entries: [Self.decided(.falseAlarm, value: nil)]).statuses.first?.status == .falseAlarm)
    }

    @Test("a decided zero holds only for zero")
    func decidedZero() throws {
        #expect(Self.carry(0, entries: [Self.decided(.explained, value: 0)]).statuses.first?.status == .explained)
        #expect(Self.carry(1, entries: [Self.decided(.explained, value: 0)]).statuses.first?.status == .open)
    }

    @Test("confirmed or corrected that fires again is a repeat (回头看)", arguments: [TriageStatus.confirmed, .corrected])
    func repeatAfterConfirmed(decision: TriageStatus) throws {
        let update = Self.carry(1000, entries: [Self.decided(decision)])
        let status = try #require(update.statuses.first)
        #expect(status.status == .open && status.isRepeat && status.reason.hasPrefix("回头看") && status.label == "待核实（回头看）")
        #expect(update.entries.first?.from == decision && update.entries.first?.to == .open)
    }

    @Test("in review stays in review")
    func inReviewStays() throws {
        let update = Self.carry(9999, entries: [Self.decided(.inReview)])
        #expect(update.statuses.first?.status == .inReview && update.entries.isEmpty)
    }

    @Test("a reload recomputes the load's own entries and logs nothing new when nothing moved")
    func reloadIsIdempotent() throws {
        let first = Self.carry(1250, entries: [Self.decided(.explained)])
        var logged = first.entries[0]
        logged.id = 2
        let again = Self.carry(1250, entries: [Self.decided(.explained), logged])
        #expect(again.statuses == first.statuses && again.entries.isEmpty)
        // A corrected file brings the figure back into the band: the decision holds again, and that is logged.
        let back = Self.carry(1100, entries: [Self.decided(.explained), logged])
        #expect(back.statuses.first?.status == .explained && back.entries.first?.from == .open && back.entries.first?.to == .explained)
    }

    @Test("a person's decision on this very period holds on a reload without carried-from")
    func decisionOnSamePeriod() throws {
        let status = try #require(Self.carry(1000, entries: [Self.decided(.confirmed, period: Self.november)]).statuses.first)
        #expect(status.status == .confirmed && status.carriedFrom == nil && !status.isRepeat)
    }

    @Test("a key that stops firing after its enterprise resubmits becomes corrected, with the figures as evidence")
    func correctedAfterResubmission() throws {
        let previous = AlertStatus.new(Self.key, period: Self.november, observed: 1500, score: 1)
        let code = try CreditCode.parse(Self.code).get()
        let revision = FigureRevision(
            period: Self.november, creditCode: code, field: "gross_output", old: 1500, new: 1000, at: "x", fileSHA256: "abcdef0123456789")
        let history = AlertHistory(entries: [Self.decided(.confirmed, period: Self.november)], previousLoad: [previous])
        let carry = CarryOver(period: Self.november, at: "2024-12-10T00:00:00Z")
        let update = carry.apply([], history: history, revisions: [revision])
        let entry = try #require(update.entries.first)
        #expect(entry.from == .confirmed && entry.to == .corrected && entry.isAutomatic && entry.decidedValue == 1500)
        #expect(entry.reason.contains("gross_output 1500 → 1000") && entry.reason.contains("abcdef012345"))
        // Without a revision of its enterprise, or when it was explained, it does not.
        #expect(carry.apply([], history: history).entries.isEmpty)
        let explained = AlertHistory(entries: [Self.decided(.explained, period: Self.october)], previousLoad: [previous])
        #expect(carry.apply([], history: explained, revisions: [revision]).entries.isEmpty)
    }

    @Test("statuses come out in key order, one per key")
    func orderAndDedup() throws {
        let a = AlertKey(subject: "511703001", ruleID: "G02", indicator: "gross_output")
        let observations = [KeyObservation(key: Self.key, observed: 1, score: 1), KeyObservation(key: a, observed: 2, score: 1)]
        let update = CarryOver(period: Self.november, at: "t").apply(observations.sorted { $0.key < $1.key }, history: AlertHistory())
        #expect(update.statuses.map(\.key) == [Self.key, a].sorted())
    }
}

/// How the current status follows from the audit log.
@Suite("Status ledger")
struct StatusLedgerTests {
    @Test("a decision after the load's watermark overrides the stored status; earlier ones do not")
    func currentStatus() throws {
        let stored = AlertStatus.new(CarryOverTests.key, period: CarryOverTests.november, observed: 1000, score: 1)
        var decision = CarryOverTests.decided(.falseAlarm, period: CarryOverTests.november, id: 7)
        #expect(StatusLedger.current(stored, watermark: 7, entries: [decision]) == stored)
        let now = StatusLedger.current(stored, watermark: 6, entries: [decision])
        #expect(now.status == .falseAlarm && now.since == CarryOverTests.november && now.reason == "检修后复产")
        // A decision about a later occurrence does not change this one.
        decision.period = CarryOverTests.december
        #expect(StatusLedger.current(stored, watermark: 0, entries: [decision]) == stored)
    }

    @Test("confirmed figures are the last decision per key and period")
    func confirmedFigures() throws {
        let confirmed = CarryOverTests.decided(.confirmed, id: 1)
        var figures = ConfirmedFigures(auditLog: [confirmed])
        #expect(figures.count == 1)
        var corrected = confirmed
        corrected.id = 2
        corrected.to = .corrected
        figures = ConfirmedFigures(auditLog: [confirmed, corrected])
        #expect(figures.isEmpty)
    }

    @Test("alert keys round-trip through their text form")
    func keyText() throws {
        let key = AlertKey(subject: "511703001", ruleID: "G04", indicator: "gross_output growth")
        #expect(key.description == "511703001/G04/gross_output growth")
        #expect(AlertKey(key.description) == key)
        #expect(AlertKey("91110000101623741K/C07/gross_output+sales_output")?.fields == ["gross_output", "sales_output"])
        #expect(AlertKey("nonsense") == nil && AlertKey("a//b") == nil)
    }
}
