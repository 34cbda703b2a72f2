// swift-tools-version:6.0
import PackageDescription

// nettrain's kernels are written for the vector units of the machine that builds them
// (AVX-512 and FMA where present): `-target-cpu native`. Set NETTRAIN_PORTABLE=1 to build
// for the baseline of the architecture instead, e.g. to ship a binary to other machines.
// Results do not depend on this choice: kernels use explicit fused multiply-adds, which a
// baseline build computes (slowly) with the same rounding.
let isPortable = Context.environment["NETTRAIN_PORTABLE"] != nil
let cpuSettings: [SwiftSetting] = isPortable ? [] : [.unsafeFlags(["-target-cpu", "native"])]

let package = Package(
  name: "nettrain",
  products: [
    .library(name: "NetTrain", targets: ["NetTrain"]),
    .library(name: "Autograd", targets: ["Autograd"]),
    .executable(name: "nettrain", targets: ["NetTrainCLI"]),
  ],
  targets: [
    .target(name: "Autograd", swiftSettings: cpuSettings),
    .target(name: "NetTrain", dependencies: ["Autograd"], swiftSettings: cpuSettings),
    .executableTarget(
      name: "NetTrainCLI", dependencies: ["NetTrain", "Autograd"], swiftSettings: cpuSettings),
    .testTarget(name: "AutogradTests", dependencies: ["Autograd"], swiftSettings: cpuSettings),
    .testTarget(
      name: "NetTrainTests", dependencies: ["NetTrain", "Autograd"], swiftSettings: cpuSettings),
    .testTarget(
      name: "NetTrainCLITests", dependencies: ["NetTrainCLI", "NetTrain"],
      swiftSettings: cpuSettings),
  ]
)
