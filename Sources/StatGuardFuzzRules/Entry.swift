import Foundation
#if canImport(Glibc)
import Glibc
#endif

#if FUZZING
/// libFuzzer's entry point (built by `scripts/fuzz.sh rules`): one input per call.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleLanguage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    RuleFuzzing.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// libFuzzer's driver, which parses its flags and calls the entry point (LLVM's `FuzzerInterface.h`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif

/// The fuzz executable for the rule language.
///
/// Built with `-DFUZZING -sanitize=fuzzer` it hands over to libFuzzer's driver (SwiftPM links
/// an executable's entry under the module's own name, so libFuzzer's `main` cannot be used).
/// Built normally it replays the inputs in the files, or folders of files, given as arguments
/// (e.g. `Tests/Fuzz/rules`): a crash is a regression. Exits 2 on a missing path.
@main
enum ReplayRuleInputs {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzRuleLanguage))
        #else
        var replayed = 0
        for argument in CommandLine.arguments.dropFirst() {
            guard let folder = isFolder(argument) else {
                FileHandle.standardError.write(Data("no such file or folder: \(argument)\n".utf8))
                exit(2)
            }
            let paths = folder ? ((try? FileManager.default.subpathsOfDirectory(atPath: argument)) ?? []).sorted().map { "\(argument)/\($0)" } : [argument]
            for path in paths where isFolder(path) == false && !path.hasSuffix(".dict") {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                data.withUnsafeBytes { RuleFuzzing.run($0.bindMemory(to: UInt8.self)) }
                replayed += 1
            }
        }
        print("replayed \(replayed) inputs")
        #endif
    }

    /// Whether `path` is a folder; nil when nothing is there.
    private static func isFolder(_ path: String) -> Bool? {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) ? folder.boolValue : nil
    }
}
