/// NetSim: quantised DNN simulation and training on approximate multipliers.
public enum NetSim {
    public static let version = "0.1.0"
}
