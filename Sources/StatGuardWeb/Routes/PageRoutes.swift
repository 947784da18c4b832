import Foundation
import Hummingbird
import StatGuardCore
import StatGuardStore

/// The pages: overview, queue, enterprise, summary, quality, and the triage form's target.
extension Workbench {
    func addPages(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            page(request) { viewer in
                let region = viewer.account.region
                let open = try data.cases(viewer.period, CaseFilter(region: RegionFilter(prefix: region), status: .queue)) ?? []
                return OverviewPage.render(
                    viewer: viewer, summary: try data.summary(viewer.period, region: region), openCases: open,
                    findingCounts: try data.store.findingCounts(regionPrefix: region), regions: try data.renderer(viewer.period).regions)
            }
        }
        router.get("/cases") { request, _ in
            page(request) { viewer in
                let params = request.uri.queryParameters
                var query = QueuePage.Query()
                query.town = params.get("town") ?? ""
                query.category = params.get("category") ?? ""
                query.rule = params.get("rule") ?? ""
                query.severity = params.get("severity") ?? ""
                query.status = params.get("status") ?? "queue"
                query.page = params.get("page").flatMap { Int($0) } ?? 1
                let towns = try data.towns(viewer.period, region: viewer.account.region)
                let filter = caseFilter(viewer.account, town: query.town, category: query.category, rule: query.rule, severity: query.severity, status: query.status)
                return QueuePage.render(
                    viewer: viewer, cases: try data.cases(viewer.period, filter) ?? [], query: query, renderer: try data.renderer(viewer.period),
                    towns: towns)
            }
        }
        router.get("/enterprises/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            return page(request) { viewer in
                guard let content = try enterprise(code, viewer: viewer, flash: request.uri.queryParameters.get("done")) else {
                    throw PageRefusal.notFound
                }
                return EnterprisePage.render(viewer: viewer, content: content, renderer: try data.renderer(viewer.period))
            }
        }
        router.get("/summary") { request, _ in
            page(request) { viewer in SummaryPage.render(viewer: viewer, summary: try data.summary(viewer.period, region: viewer.account.region)) }
        }
        router.get("/quality") { request, _ in
            page(request) { viewer in
                let all = try data.store.quarantine(of: viewer.period)
                guard viewer.account.role != .admin || viewer.account.region.utf8.count > 2 else {
                    return QualityPage.render(viewer: viewer, rows: all, hiddenOutsideRegion: 0)
                }
                let placed = all.map { ($0, QualityPage.region(of: $0, within: viewer.account.region)) }
                let unplaced = viewer.account.role == .admin ? placed.filter { $0.1 == nil }.map(\.0) : []
                return QualityPage.render(
                    viewer: viewer, rows: placed.filter { $0.1 == true }.map(\.0) + unplaced,
                    hiddenOutsideRegion: viewer.account.role == .admin ? 0 : placed.filter { $0.1 == nil }.count)
            }
        }
        router.post("/triage") { request, _ in
            guard let user = try signedIn(request) else { return Reply.redirect("/login") }
            guard let form = try? await Form.decode(TriageForm.self, request), csrfMatches(user, header: request, form: form.csrf_token) else {
                return Reply.html(ErrorPage.render("缺少或错误的 CSRF 令牌。 Missing or wrong CSRF token.", viewer: nil), status: .forbidden)
            }
            let period = form.period.flatMap(Period.init)
            let outcome = triage(
                user: user, keyText: form.alert_key, status: form.status, reason: form.reason ?? "", validUntil: form.valid_until ?? "",
                verifiedValue: form.verified_value ?? "", period: period)
            let back = { (message: String) in
                let subject = AlertKey(form.alert_key)?.subject ?? ""
                let path = AlertKey(form.alert_key)?.creditCode != nil ? "/enterprises/\(subject)" : "/cases"
                return Reply.redirect(path + Layout.query([("period", period?.description), ("done", message)]))
            }
            switch outcome {
            case .recorded(let entry): return back("已保存：\(entry.key) \(entry.from.zh) → \(entry.to.zh)")
            case .unchanged: return back("状态未变。 Nothing changed.")
            case .refused(let why): return back("未保存 Not saved: \(why)")
            case .notFound: return Reply.html(ErrorPage.render("您的辖区内没有该预警。 No such alert in your region.", viewer: nil), status: .notFound)
            }
        }
    }

    struct TriageForm: Decodable {
        var csrf_token: String
        var alert_key: String
        var status: String
        var reason: String?
        var valid_until: String?
        var verified_value: String?
        var period: String?
    }

    /// Why a page is not shown.
    enum PageRefusal: Error {
        case notFound
    }

    /// Runs `render` for a signed-in user with the requested period; signs in first when needed.
    func page(_ request: Request, _ render: (Viewer) throws -> String) -> Response {
        do {
            guard let user = try signedIn(request) else {
                return Reply.redirect("/login" + Layout.query([("next", request.uri.path)]))
            }
            let periods = try data.periods()
            guard let period = try data.period(request.uri.queryParameters.get("period")) else {
                return Reply.html(ErrorPage.render("库中还没有报告期：先运行 statguard run。 No period is loaded yet.", viewer: nil))
            }
            let viewer = Viewer(account: user.account, csrfToken: user.session.csrfToken, period: period, periods: periods)
            do {
                return Reply.html(try render(viewer))
            } catch PageRefusal.notFound {
                return Reply.html(ErrorPage.render("您的辖区内没有该企业。 No such enterprise in your region.", viewer: viewer), status: .notFound)
            }
        } catch {
            return Reply.html(ErrorPage.render("无法读取数据库：\(error)", viewer: nil), status: .serviceUnavailable)
        }
    }

    /// The queue filter of a user and the request's values (unknown values filter nothing out... of the region).
    func caseFilter(_ account: UserAccount, town: String, category: String, rule: String, severity: String, status: String) -> CaseFilter {
        var filter = CaseFilter(region: RegionFilter(prefix: account.region))
        filter.town = town
        filter.category = FindingCategory(rawValue: category)
        filter.rule = rule
        filter.severity = Severity(rawValue: severity)
        switch status {
        case "queue": filter.status = .queue
        case "", "all": filter.status = .all
        default: filter.status = TriageStatus(rawValue: status).map { .only($0) } ?? .all
        }
        return filter
    }

    /// The enterprise page's content for `codeText` in the viewer's period, or nil when it is
    /// unknown or outside the viewer's region (answered alike, so no other region's codes can be probed).
    func enterprise(_ codeText: String, viewer: Viewer, flash: String?) throws -> EnterprisePage.Content? {
        guard case .success(let code) = CreditCode.parse(codeText, allowCheckFailure: true) else { return nil }
        let report = try data.report(of: code, period: viewer.period)
        let points = try data.history.points(of: code, through: viewer.period, count: EnterprisePage.periodsCharted)
        let theCase = try data.allCases(viewer.period)?.first { $0.creditCode == code }
        var region = report?.regionCode ?? theCase?.regionCode ?? points.last { $0.regionCode != nil }?.regionCode?.description
        if region == nil { region = try data.store.regionOfFindings(code) }
        guard let region, viewer.account.covers(regionCode: region) else { return nil }
        let findings = try data.store.findings(of: viewer.period, creditCode: code)
        let name = report?.name ?? theCase?.name ?? findings.first?.name ?? code.description
        return EnterprisePage.Content(
            code: code, name: name, regionCode: region, points: points, figures: report?.figures ?? [], findings: findings,
            lines: theCase?.lines ?? [], explanation: report?.explanation ?? theCase?.explanation ?? "",
            audit: try data.store.auditLog(subject: code.description), flash: flash)
    }
}
