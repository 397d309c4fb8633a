using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OmniChannel.HostileInput.Engine;

/// <summary>A caller the hostile requests are sent as: anonymous, or with a principal's token, so validators are reached.</summary>
public sealed record HostileClient(string Name, HttpClient Http);

public sealed record HostileAnswer(HostileRequest Request, string Client, int Status, string? Code, string? Problem, bool EmptyBody = false,
    TimeSpan? RetryAfter = null);

/// <summary>
/// What a run found. A 5xx, an error that is not problem details with a code, a status the operation's OpenAPI document
/// does not declare, or a changed table is a failure.
/// </summary>
public sealed record HostileReport(int Sent, IReadOnlyList<HostileAnswer> ServerErrors, IReadOnlyList<HostileAnswer> NotProblems,
    IReadOnlyList<HostileAnswer> Accepted, IReadOnlyList<HostileAnswer> Undeclared, IReadOnlyList<string> ChangedTables,
    IReadOnlyDictionary<int, int> ByStatus, TimeSpan Elapsed)
{
    public bool Passed => ServerErrors.Count == 0 && NotProblems.Count == 0 && Undeclared.Count == 0 && ChangedTables.Count == 0;

    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine($"hostile requests sent: {Sent} in {Elapsed.TotalSeconds:0.0} s");
        text.AppendLine($"answers by status: {string.Join(", ", ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
        text.AppendLine($"5xx: {ServerErrors.Count}");
        text.AppendLine($"errors without problem details and a code: {NotProblems.Count}");
        text.AppendLine($"writes answered 2xx: {Accepted.Count}");
        text.AppendLine($"statuses the operation's document does not declare: {Undeclared.Count}");
        text.AppendLine($"tables changed: {ChangedTables.Count}{(ChangedTables.Count == 0 ? "" : " (" + string.Join(", ", ChangedTables) + ")")}");
        Examples(text, "5xx", ServerErrors);
        Examples(text, "not problem details", NotProblems);
        Examples(text, "writes answered 2xx", Accepted);
        foreach (var group in Undeclared.GroupBy(a => (Operation: a.Request.Operation.ToString(), a.Status)).Take(40))
            text.AppendLine($"  not declared: {group.Key.Operation} answered {group.Key.Status} (declares {string.Join(", ", group.First().Request.Operation.Responses.Order())}): " +
                            string.Join("; ", group.Take(4).Select(a => $"[{a.Request.Case}] as {a.Client} → {a.Code ?? a.Problem}")));
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
            answers.Where(a => a.Status > 0 && !RefusedBeforeTheApplication(a) && !a.Request.Operation.Declares(a.Status)).ToList(),
            after.ChangedSince(before),
            answers.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count()),
            DateTime.UtcNow - started);
    }

    /// <summary>
    /// Kestrel refuses a request it cannot parse — oversized headers (431), a path with a NUL or an invalid encoding
    /// (400) — before any application code runs, with an empty body: nothing there can write problem details, and no
    /// operation's document describes it. An application's own error is never empty (UseStatusCodePages writes problem
    /// details for it).
    /// </summary>
    private static bool RefusedBeforeTheApplication(HostileAnswer answer) =>
        answer.EmptyBody && answer.Status is (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.RequestHeaderFieldsTooLarge
            or (int)HttpStatusCode.RequestUriTooLong;

    private static async Task<HostileAnswer> SendAsync(HostileClient client, HostileRequest request, CancellationToken ct)
    {
        // A 429 is the gateway's rate limit doing its job: the run waits as asked and sends again, as a good client does.
        for (var attempt = 1; ; attempt++)
        {
            var answer = await SendOnceAsync(client, request, ct);
            // A pooled connection the server had just closed fails the request on the client's side: sent once more, on a
            // new connection. No answer twice is a finding.
            if (answer.Status == 0 && attempt == 1)
                continue;
            if (answer.Status != (int)HttpStatusCode.TooManyRequests || attempt == 10)
                return answer;
            await Task.Delay(answer.RetryAfter ?? TimeSpan.FromSeconds(1), ct);
        }
    }

    private static async Task<HostileAnswer> SendOnceAsync(HostileClient client, HostileRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.PathAndQuery);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }
        // A body over a size limit waits for the server's go-ahead, which a refusal never gives; a connection a refusal
        // may close is not reused for the next request.
        message.Headers.ExpectContinue = request.Body?.Length > 64 * 1024;
        message.Headers.ConnectionClose = request.Body?.Length > 64 * 1024 || request.Headers.Any(h => h.Value.Length > 8 * 1024);
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
                EmptyBody: text.Length == 0 && response.Content.Headers.ContentType is null, RetryAfter: response.Headers.RetryAfter?.Delta);
        }
        catch (HttpRequestException exception) when (exception.InnerException is InvalidOperationException or FormatException)
        {
            // The client itself would not send it (e.g. a header value .NET refuses): nothing reached the platform.
            return new HostileAnswer(request, client.Name, -1, "client.refused_to_send", exception.Message);
        }
        catch (HttpRequestException exception) when (request.Body?.Length > OversizedBody)
        {
            // Over the size limit, the server answers 413 before the body is read and closes the connection (HTTP/1.1 has
            // no other way to stop a sender); the client may fail while still sending. Nothing was read, nothing kept.
            return new HostileAnswer(request, client.Name, -2, "connection.closed_while_sending", exception.Message);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new HostileAnswer(request, client.Name, 0, null, $"no answer: {Messages(exception)}");
        }
    }

    private const int OversizedBody = 1024 * 1024;

    private static string Messages(Exception? exception)
    {
        var messages = new List<string>();
        for (; exception is not null; exception = exception.InnerException)
            messages.Add(exception.Message);
        return string.Join(" ← ", messages);
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
