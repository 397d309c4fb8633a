namespace OmniChannel.OrderBenchmark;

/// <param name="ClosedLoopReference">
/// <c>--reference closed</c>: the bare commits during the load run back to back (the benchmark's first versions), which
/// takes about one core from the platform; by default one commit every 5 ms.
/// </param>
public sealed record BenchmarkOptions(int Terminals, double Rate, int Seconds, int Skus, bool ClosedLoopReference)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchmarkOptions(
            int.Parse(Value("--terminals") ?? "4"),
            double.Parse(Value("--rate") ?? "100", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds") ?? "20"),
            int.Parse(Value("--skus") ?? "20"),
            Value("--reference") == "closed");
    }
}
