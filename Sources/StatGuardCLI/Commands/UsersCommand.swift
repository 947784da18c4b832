import ArgumentParser
import Foundation
import StatGuardAccounts
import StatGuardCore

/// `statguard users`: the workbench's accounts, kept in the pipeline's store.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, list and disable the web workbench's accounts (kept in the pipeline's store).",
        discussion: """
            Roles: admin (any region prefix, e.g. a city's 4 digits), county (a 6-digit county code), town (a 9-digit town \
            code). Each user sees and triages only its region. Passwords are read from standard input, never from the \
            command line, and kept only as salted bcrypt hashes. There is no default account.
            """,
        subcommands: [Add.self, List.self, Disable.self]
    )

    /// `users add NAME --role R --region CODE --password-stdin`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account; its password is read from standard input.")

        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The user's name (no spaces), as the audit log will show it.") var name: String
        @Option(help: "admin, county or town.") var role: String
        @Option(help: "The region code the user is bounded by (town: 9 digits, county: 6, admin: 2 or more).") var region: String
        @Flag(help: "Read the password from the first line of standard input (required: a password on the command line leaks).")
        var passwordStdin = false

        func validate() throws {
            guard passwordStdin else { throw ValidationError("Give --password-stdin and pipe the password in, e.g. 'read -rs pw; printf %s \"$pw\" | statguard users add …'.") }
            guard UserRole(rawValue: role) != nil else { throw ValidationError("Unknown role '\(role)'. Roles: admin, county, town.") }
        }

        func run() throws {
            let password = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            let accounts = Accounts(store: try options.open(try options.load(), .deciding))
            do {
                let account = try accounts.add(name: name, role: UserRole(rawValue: role)!, region: region, password: password)
                print("Added \(account.role.rawValue) user \(account.name) for region \(account.region).")
            } catch {
                throw CommandFailure(error)
            }
        }
    }

    /// `users list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts: name, role, region, state, when added.")

        @OptionGroup var options: WorkflowOptions

        func run() throws {
            let accounts = Accounts(store: try options.open(try options.load(), .deciding))
            let all: [UserAccount]
            do { all = try accounts.list() } catch { throw CommandFailure(error) }
            if all.isEmpty { print("No users yet. Add one with: statguard users add NAME --pipeline \(options.pipeline) --role admin|county|town --region CODE --password-stdin") }
            for account in all {
                print([account.name, account.role.rawValue, account.region, account.disabled ? "disabled" : "enabled", account.createdAt].joined(separator: "\t"))
            }
        }
    }

    /// `users disable NAME`.
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: it can no longer sign in, and its sessions end.")

        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The user's name.") var name: String

        func run() throws {
            let accounts = Accounts(store: try options.open(try options.load(), .deciding))
            do { try accounts.setDisabled(name) } catch { throw CommandFailure(error) }
            print("Disabled \(name).")
        }
    }
}

extension CommandFailure {
    /// An account refused is bad usage (2); a store that cannot be used is 4.
    init(_ error: AccountError) {
        switch error {
        case .invalid: self.init(status: .usage, message: error.description)
        case .store: self.init(status: .storeUnavailable, message: error.description)
        }
    }
}
