import StatGuardJob

/// The exit codes of every `statguard` command, as documented in the README.
enum ExitStatus: Int32 {
    /// The work was done (alerts and quarantined rows are results, not failures).
    case done = 0
    /// Something unexpected failed inside StatGuard.
    case internalFailure = 1
    /// Bad command-line usage or a bad pipeline file.
    case usage = 2
    /// An input file could not be used at all (missing, unreadable, not CSV, missing column, undecodable).
    case unusableInput = 3
    /// The store is in use by another run, or cannot be opened or written.
    case storeUnavailable = 4
    /// The report folder cannot be written (found before the store is changed).
    case reportsUnwritable = 5
    /// `notify`: a channel did not take its digest (the data and reports are unaffected).
    case notDelivered = 6
}

/// A failure a command reports in one line before exiting with ``status``.
struct CommandFailure: Error {
    var status: ExitStatus
    var message: String

    init(status: ExitStatus, message: String) {
        self.status = status
        self.message = message
    }

    /// The documented exit code of a job failure.
    init(_ error: JobError) {
        switch error {
        case .missingInput, .unusableInput: status = .unusableInput
        case .notLoaded: status = .usage
        case .store: status = .storeUnavailable
        case .reportWrite: status = .reportsUnwritable
        }
        message = error.description
    }
}
