using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OmniChannel.HostileInput.Engine;

/// <summary>A caller the hostile requests are sent as: anonymous, or with a principal's token, so validators are reached.</summary>
public sealed record HostileClient(string Name, HttpClient Http);

public sealed record HostileAnswer(HostileRequest Request, string Client, int Status, string? Code, string? Problem, bool EmptyBody = false);

/// <summary>What a run found. A 5xx, an error that is not problem details with a code, or a changed table is a failure.</summary>
public sealed record HostileReport(int Sent, IReadOnlyList<HostileAnswer> ServerErrors, IReadOnlyList<HostileAnswer> NotProblems,
    IReadOnlyList<HostileAnswer> Accepted, IReadOnlyList<string> ChangedTables, IReadOnlyDictionary<int, int> ByStatus, TimeSpan Elapsed)
{
    public bool Passed => ServerErrors.Count == 0 && NotProblems.Count == 0 && ChangedTables.Count == 0;

    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine($"hostile requests sent: {Sent} in {Elapsed.TotalSeconds:0.0} s");
        text.AppendLine($"answers by status: {string.Join(", ", ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
        text.AppendLine($"5xx: {ServerErrors.Count}");
        text.AppendLine($"errors without problem details and a code: {NotProblems.Count}");
        text.AppendLine($"writes answered 2xx: {Accepted.Count}");
        text.AppendLine($"tables changed: {ChangedTables.Count}{(ChangedTables.Count == 0 ? "" : " (" + string.Join(", ", ChangedTables) + ")")}");
        Examples(text, "5xx", ServerErrors);
        Examples(text, "not problem details", NotProblems);
        Examples(text, "writes answered 2xx", Accepted);
        return text.ToString();
    }

    private static void Examples(StringBuilder text, string title, IReadOnlyList<HostileAnswer> answers)
    {
        foreach (var group in answers.GroupBy(a => a.Request.Operation.ToString()).Take(40))
            text.AppendLine($"  {title}: {group.Key}: {string.Join("; ", group.Take(4).Select(a => $"[{a.Request.Case}] as {a.Client} → {a.Status} {a.Code ?? a.Problem}"))}");
    }
}

/// <summary>
/// Sends hostile requests for every operation the gateway's OpenAPI documents describe, as every client given, and
/// compares the platform's state before and after.
/// </summary>
public static class HostileRun
{
    public static async Task<HostileReport> RunAsync(HttpClient gateway, IReadOnlyList<HostileClient> clients, string postgres, int count, int seed,
        CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        var operations = await OpenApiOperations.ReadAsync(gateway, ct);
        var random = new Random(seed);
        var perOperation = Math.Max(1, count / Math.Max(1, operations.Count * clients.Count));
        var requests = operations.SelectMany(o => HostileRequests.For(o).OrderBy(_ => random.Next()).Take(perOperation)).ToList();

        var before = await StateSnapshot.AtRestAsync(postgres, TimeSpan.FromSeconds(90), ct);
        var answers = new List<HostileAnswer>();
        foreach (var client in clients)
        {
            var work = requests.Select(r => (r, client)).ToList();
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (item, token) =>
            {
                var answer = await SendAsync(item.client, item.r, token);
                lock (answers)
                    answers.Add(answer);
            });
        }
        var after = await StateSnapshot.AtRestAsync(postgres, TimeSpan.FromSeconds(90), ct);

        return new HostileReport(answers.Count,
            answers.Where(a => a.Status >= 500 || a.Status == 0).ToList(),
            answers.Where(a => a.Status is >= 400 and < 500 && a.Code is null && !RefusedBeforeTheApplication(a)).ToList(),
            answers.Where(a => a.Status is >= 200 and < 300 && a.Request.Method != "GET").ToList(),
            after.ChangedSince(before),
            answers.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count()),
            DateTime.UtcNow - started);
    }

    /// <summary>
    /// Kestrel refuses a request it cannot parse — oversized headers (431), a path with a NUL or an invalid encoding
    /// (400) — before any application code runs, with an empty body: nothing there can write problem details. An
    /// application's own error is never empty (UseStatusCodePages writes problem details for it).
    /// </summary>
    private static bool RefusedBeforeTheApplication(HostileAnswer answer) =>
        answer.EmptyBody && answer.Status is (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.RequestHeaderFieldsTooLarge
            or (int)HttpStatusCode.RequestUriTooLong;

    private static async Task<HostileAnswer> SendAsync(HostileClient client, HostileRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.PathAndQuery);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }
        var keyGiven = false;
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
            keyGiven |= name == "Idempotency-Key";
        }
        if (!keyGiven && request.Method != "GET")
            message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        try
        {
            using var response = await client.Http.SendAsync(message, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var (code, problem) = ProblemOf(response, text);
            return new HostileAnswer(request, client.Name, (int)response.StatusCode, code, problem,
                EmptyBody: text.Length == 0 && response.Content.Headers.ContentType is null);
        }
        catch (HttpRequestException exception) when (exception.InnerException is InvalidOperationException or FormatException)
        {
            // The client itself would not send it (e.g. a header value .NET refuses): nothing reached the platform.
            return new HostileAnswer(request, client.Name, -1, "client.refused_to_send", exception.Message);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new HostileAnswer(request, client.Name, 0, null, $"no answer: {exception.Message}");
        }
    }

    private static (string? Code, string? Problem) ProblemOf(HttpResponseMessage response, string text)
    {
        if (response.IsSuccessStatusCode)
            return (null, null);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return (null, $"{response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Truncate(text)}");
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? (code.GetString(), null)
                : (null, $"problem without code: {Truncate(text)}");
        }
        catch (JsonException)
        {
            return (null, $"unreadable problem: {Truncate(text)}");
        }
    }

    private static string Truncate(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
