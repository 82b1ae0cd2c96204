/// Self-contained HTML reports (inline SVG, no network, no JavaScript) of designs and NetSim results.
public enum Report {}
