#if canImport(Glibc)
import Glibc
#endif
import Foundation

#if FUZZING
/// libFuzzer's entry point: one input through ``FuzzIngest/run(_:)``.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzIngest.run(UnsafeRawBufferPointer(start: data, count: size))
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

/// The fuzz executable for the ingest.
///
/// Built with `-DFUZZING -sanitize=fuzzer` (`scripts/fuzz.sh ingest`) it runs libFuzzer:
/// SwiftPM links an executable's entry under the module's own name, so libFuzzer's `main`
/// cannot be used, and this one hands over to libFuzzer's driver instead. Built normally
/// it replays the inputs in the files and folders given (`scripts/fuzz.sh --replay`).
@main
struct FuzzIngestMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
        #else
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            print("usage: StatGuardFuzzIngest FILE_OR_FOLDER… (replays fuzz inputs through the ingest)")
            exit(2)
        }
        var replayed = 0
        for path in paths {
            for file in inputFiles(path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    print("cannot read \(file)")
                    exit(1)
                }
                data.withUnsafeBytes { FuzzIngest.run($0) }
                replayed += 1
            }
        }
        print("replayed \(replayed) input\(replayed == 1 ? "" : "s"): every invariant held")
        #endif
    }

    /// `path` itself, or the files in it when it is a folder (sorted, hidden files left out).
    static func inputFiles(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }
}
