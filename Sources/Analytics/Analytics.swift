/// The analyst side's arithmetic: pure functions of (data, as-of date), no I/O and no clock.
///
/// What lives here (see ../shared/ANALYTICS.md for the formulas and the traps): transaction summaries and the
/// BTYD models (BG/NBD, Gamma-Gamma, CLV), and clustering with its quality and stability measures (k-means++,
/// silhouette, adjusted Rand index). Reading files, stores and the command line happens elsewhere.
public enum Analytics {}
