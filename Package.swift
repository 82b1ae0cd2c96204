// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "AxMul",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Circuits", targets: ["Circuits"]),
        .library(name: "NetSim", targets: ["NetSim"]),
        .library(name: "ONNX", targets: ["ONNX"]),
        .executable(name: "axmul", targets: ["axmul"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        .systemLibrary(name: "CGMP", path: "Sources/CGMP"),
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3", "-fno-math-errno"])]),  // AVX2 only inside target("avx2") functions, chosen at run time; no errno so sqrtf vectorises
        .target(name: "TableFormat"),
        .target(name: "Circuits", dependencies: ["CGMP", "TableFormat"]),
        .target(name: "NetSim", dependencies: ["COpenBLAS", "CKernels", "TableFormat", "CZlib"]),
        .target(name: "Report", dependencies: ["Circuits"]),
        // ONNX protobuf types (Generated/onnx.pb.swift, made by protoc-gen-swift; see docs/onnx.md) and the ONNX ↔ NetSim bridge.
        .target(name: "ONNX", dependencies: [
            "NetSim", "TableFormat", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ]),
        // The one loader of multiplier arguments (design, .axlut, foreign table) for NetSim; the only target besides the CLI that sees both halves.
        .target(name: "Multipliers", dependencies: ["Circuits", "NetSim", "TableFormat"]),
        // Per-layer multiplier search (NSGA-II), its evaluation cache, and shards run locally or as Slurm job arrays.
        .target(name: "Search", dependencies: ["NetSim"]),
        .executableTarget(name: "axmul", dependencies: [
            "Circuits", "NetSim", "TableFormat", "Report", "Multipliers", "ONNX", "Search",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "CircuitsTests", dependencies: ["Circuits"], exclude: ["Regressions"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NetSimTests", dependencies: ["NetSim", "CKernels", "TableFormat"], exclude: ["Fixtures"]),
        .testTarget(name: "TableFormatTests", dependencies: ["TableFormat"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Circuits"], exclude: ["Golden"]),
        .testTarget(name: "AxmulTests", dependencies: ["Circuits", "NetSim", "TableFormat", "ONNX"]),
        .testTarget(name: "ONNXTests", dependencies: ["ONNX", "NetSim"], exclude: ["Fixtures"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "NetSim", "Multipliers"]),
        .testTarget(name: "MultipliersTests", dependencies: ["Multipliers", "Circuits", "NetSim", "TableFormat"]),
    ]
)
