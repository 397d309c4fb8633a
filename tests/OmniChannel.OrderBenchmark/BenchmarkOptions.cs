namespace OmniChannel.OrderBenchmark;

public sealed record BenchmarkOptions(int Terminals, double Rate, int Seconds, int Skus)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchmarkOptions(
            int.Parse(Value("--terminals") ?? "4"),
            double.Parse(Value("--rate") ?? "100", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds") ?? "20"),
            int.Parse(Value("--skus") ?? "20"));
    }
}
