/// The `.axlut` lookup-table file format shared by Circuits (writer) and NetSim (reader).
public enum TableFormat {}
