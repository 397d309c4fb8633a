namespace OmniChannel.AppHost.Hosting;

/// <summary>
/// AppHost's console: every line of every process, prefixed with its resource name (padded, so the
/// logs line up) and coloured per resource when a person is watching a terminal.
/// </summary>
internal sealed class ConsoleLog(IEnumerable<string> names, bool colors)
{
    public const string AppHostName = "apphost";
    private const string Reset = "\u001b[0m";
    private static readonly string[] Palette = ["36", "32", "33", "35", "34", "96", "92", "93", "95", "94"];

    private readonly object _gate = new();
    private readonly int _width = names.Append(AppHostName).Max(n => n.Length);
    private int _nextColor;

    /// <summary>Colours only for a terminal that wants them (https://no-color.org).</summary>
    public static bool TerminalWantsColors() =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public bool Colors { get; } = colors;

    public ResourceLog For(string name)
    {
        lock (_gate)
            return new ResourceLog(this, name, Palette[_nextColor++ % Palette.Length]);
    }

    /// <summary>AppHost's own messages, under its own prefix.</summary>
    public void Info(string message) => Write(AppHostName, "1", message);

    /// <summary>A message that must not drown in the services' logs: a crash, a failure.</summary>
    public void Alert(string message) => Write(AppHostName, "1;31", message);

    /// <summary>A line of deploy/local/infra.sh's progress (its stderr).</summary>
    public void Infra(string line)
    {
        lock (_gate) Console.Out.WriteLine(Colors ? $"\u001b[90m[infra]{Reset} {line}" : "[infra] " + line);
    }

    /// <summary>Text as is (the resource table).</summary>
    public void Raw(string text)
    {
        lock (_gate) Console.Out.Write(text);
    }

    internal void Write(string name, string color, string text)
    {
        var prefix = name.PadRight(_width) + " | ";
        lock (_gate)
            foreach (var line in text.Split('\n'))
                Console.Out.WriteLine(Colors ? $"\u001b[{color}m{prefix}{Reset}{line.TrimEnd('\r')}" : prefix + line.TrimEnd('\r'));
    }
}

/// <summary>One resource's output: written to the console and the last lines kept to explain a failure.</summary>
internal sealed class ResourceLog(ConsoleLog console, string name, string color)
{
    public const int TailLines = 20;
    private readonly Queue<string> _tail = new();

    public string Name => name;

    public void Line(string line)
    {
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines) _tail.Dequeue();
        }
        console.Write(name, color, line);
    }

    public IReadOnlyList<string> Tail()
    {
        lock (_tail) return _tail.ToList();
    }
}
