using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using OmniChannel.AppHost.Platform;

namespace OmniChannel.AppHost.Operations;

/// <summary>
/// Operator actions are the dashboard's resource commands on the resource they act on. Each sends an HTTP request to
/// the service's own <c>/operations/...</c> (never routed by the gateway) with an operator's token, which the dashboard
/// gets from the identity provider with its own client (<see cref="IdentityProvider.DashboardClientId"/>, a secret
/// AppHost generates for the run); the service refuses any request without it (ServiceDefaults' OperatorEndpoints).
/// New operator actions are added the same way.
/// </summary>
internal static class OperatorCommands
{
    /// <summary>ORD-9 drill: real-time order creation fails on purpose (or works again); the order-sync job takes over.</summary>
    public static IResourceBuilder<ProjectResource> WithRealTimeDrillCommand(this IResourceBuilder<ProjectResource> order,
        IdentityProvider identity) =>
        order.WithHttpCommand("/operations/real-time-drill", "Real-time failure drill", commandName: "real-time-drill",
            commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Put,
                Description = "ORD-9: make real-time order creation fail on purpose, or work again. Terminals still get "
                              + "their confirmation numbers; the order-sync job creates the orders.",
                IconName = "Warning",
                Arguments =
                [
                    new InteractionInput
                    {
                        Name = "failing",
                        Label = "Real-time order creation",
                        InputType = InputType.Choice,
                        Required = true,
                        Options = [new("true", "Fails on purpose (drill on)"), new("false", "Works (drill off)")],
                    },
                ],
                PrepareRequest = async context =>
                {
                    await AddTokenAsync(context, identity);
                    context.Request.Content = JsonContent.Create(new { failing = context.Arguments["failing"].Value == "true" });
                },
                GetCommandResult = async context =>
                {
                    if (!context.Response.IsSuccessStatusCode)
                        return await FailureAsync(context.Response);
                    var state = await context.Response.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken);
                    return CommandResults.Success(state.GetProperty("failing").GetBoolean()
                        ? "Drill on: real-time order creation fails; the order-sync job creates the orders."
                        : "Drill off: orders are created in real time again.");
                },
            });

    /// <summary>ORD-9 batch fallback now, instead of at its next interval.</summary>
    public static IResourceBuilder<ProjectResource> WithOrderSyncCommand(this IResourceBuilder<ProjectResource> worker,
        IdentityProvider identity) =>
        worker.WithHttpCommand("/operations/order-sync", "Run the order sync job now", commandName: "order-sync",
            commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                Description = "ORD-9: create the orders of channel transactions still waiting, now.",
                IconName = "ArrowSync",
                PrepareRequest = context => AddTokenAsync(context, identity),
                GetCommandResult = async context =>
                {
                    if (!context.Response.IsSuccessStatusCode)
                        return await FailureAsync(context.Response);
                    var run = await context.Response.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken);
                    return CommandResults.Success(
                        $"Created {run.GetProperty("created").GetInt32()} order(s) of {run.GetProperty("waiting").GetInt32()} waiting.");
                },
            });

    /// <summary>INV-2: push every storefront's pending status changes now, and try failed deliveries without waiting their back-off.</summary>
    public static IResourceBuilder<ProjectResource> WithStorefrontPushCommand(this IResourceBuilder<ProjectResource> inventory,
        IdentityProvider identity) =>
        inventory.WithHttpCommand("/operations/storefront-push", "Push to storefronts now", commandName: "storefront-push",
            commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                Description = "INV-2: send each storefront its status changes now; the delivery log (/api/inventory/storefront-push/deliveries) shows the outcome.",
                IconName = "Send",
                PrepareRequest = context => AddTokenAsync(context, identity),
                GetCommandResult = async context => context.Response.IsSuccessStatusCode
                    ? CommandResults.Success("Push started; the delivery log shows each storefront's answer.")
                    : await FailureAsync(context.Response),
            });

    /// <summary>
    /// Issue 12: order status, payment ledger and processor agree, for every order (or those changed in the last hours).
    /// The answer names the orders that disagree; an order whose payment is in flight at that moment may show until it lands.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReconciliationCommand(this IResourceBuilder<ProjectResource> order,
        IdentityProvider identity) =>
        order.WithHttpCommand("/operations/reconciliation", "Reconcile orders", commandName: "reconcile-orders",
            commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                Description = "Checks that each order's status, its payment ledger and the processor agree; lists the orders that do not.",
                IconName = "CheckmarkStarburst",
                Arguments =
                [
                    new InteractionInput
                    {
                        Name = "hours",
                        Label = "Orders changed in the last … hours (empty: all orders)",
                        InputType = InputType.Number,
                        Required = false,
                    },
                ],
                PrepareRequest = async context =>
                {
                    await AddTokenAsync(context, identity);
                    if (context.Arguments is { } arguments && arguments.TryGetByName("hours", out var input) && int.TryParse(input.Value, out var hours) && hours > 0)
                    {
                        var since = DateTimeOffset.UtcNow.AddHours(-hours).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                        context.Request.RequestUri = new Uri($"{context.Request.RequestUri}?changedSince={Uri.EscapeDataString(since)}");
                    }
                },
                GetCommandResult = async context =>
                {
                    if (!context.Response.IsSuccessStatusCode)
                        return await FailureAsync(context.Response);
                    var run = await context.Response.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken);
                    var disagreeing = run.GetProperty("disagreeing");
                    var summary = $"{run.GetProperty("agreeing").GetInt32()} of {run.GetProperty("checked").GetInt32()} order(s) agree.";
                    return disagreeing.GetArrayLength() == 0
                        ? CommandResults.Success(summary)
                        : CommandResults.Failure(summary + " Disagreeing: " + string.Join("; ", disagreeing.EnumerateArray().Take(10).Select(o =>
                            $"{o.GetProperty("confirmationNumber").GetString()}: {string.Join(" ", o.GetProperty("differences").EnumerateArray().Select(d => d.GetString()))}")));
                },
            });

    /// <summary>ORD-10: process the pending asynchronous cancellations now, instead of at the job's next run.</summary>
    public static IResourceBuilder<ProjectResource> WithAsyncCancellationCommand(this IResourceBuilder<ProjectResource> worker,
        IdentityProvider identity) =>
        worker.WithHttpCommand("/operations/async-cancellations/run", "Process asynchronous cancellations now", commandName: "async-cancellations",
            commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                Description = "ORD-10: apply the cancellations taken for orders not created yet whose order now exists; classify the rest.",
                IconName = "DismissCircle",
                PrepareRequest = context => AddTokenAsync(context, identity),
                GetCommandResult = async context =>
                {
                    if (!context.Response.IsSuccessStatusCode)
                        return await FailureAsync(context.Response);
                    var run = await context.Response.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken);
                    return CommandResults.Success($"{run.GetProperty("applied").GetInt32()} applied, {run.GetProperty("retrying").GetInt32()} to retry, "
                                                  + $"{run.GetProperty("failed").GetInt32()} failed permanently (of {run.GetProperty("attempted").GetInt32()} due).");
                },
            });

    /// <summary>ORD-10: an operator handled a permanently failed asynchronous cancellation by hand, and says so.</summary>
    public static IResourceBuilder<ProjectResource> WithResolveCancellationCommand(this IResourceBuilder<ProjectResource> order,
        IdentityProvider identity) =>
        order.WithHttpCommand("/operations/async-cancellations/{confirmationNumber}/resolution", "Mark a failed cancellation resolved",
            commandName: "resolve-cancellation",
            commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                Description = "ORD-10: after handling a permanently failed asynchronous cancellation by hand, mark it resolved with a note.",
                IconName = "CheckmarkCircle",
                Arguments =
                [
                    new InteractionInput { Name = "confirmationNumber", Label = "Confirmation number", InputType = InputType.Text, Required = true },
                    new InteractionInput { Name = "note", Label = "What was done", InputType = InputType.Text, Required = true },
                ],
                PrepareRequest = async context =>
                {
                    await AddTokenAsync(context, identity);
                    FillPath(context, "confirmationNumber");
                    context.Request.Content = JsonContent.Create(new { note = context.Arguments!.TryGetByName("note", out var note) ? note.Value : null });
                },
                GetCommandResult = async context => context.Response.IsSuccessStatusCode
                    ? CommandResults.Success("Marked resolved.")
                    : await FailureAsync(context.Response),
            });

    /// <summary>Issue 13: a message of an error queue goes back to the queue it failed on (once its cause is fixed).</summary>
    public static IResourceBuilder<ProjectResource> WithMoveBackCommand(this IResourceBuilder<ProjectResource> worker, IdentityProvider identity) =>
        worker.WithHttpCommand("/operations/error-queues/{queue}/messages/{messageId}/move-back", "Move an error-queue message back",
            commandName: "move-back-error-message",
            commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                Description = "Moves one message of an error queue (GET /operations/error-queues on order-worker lists them) back to the queue it failed on.",
                IconName = "ArrowReply",
                Arguments =
                [
                    new InteractionInput { Name = "queue", Label = "Error queue (…_error)", InputType = InputType.Text, Required = true },
                    new InteractionInput { Name = "messageId", Label = "Message id", InputType = InputType.Text, Required = true },
                ],
                PrepareRequest = async context =>
                {
                    await AddTokenAsync(context, identity);
                    FillPath(context, "queue", "messageId");
                },
                GetCommandResult = async context =>
                {
                    if (!context.Response.IsSuccessStatusCode)
                        return await FailureAsync(context.Response);
                    var moved = await context.Response.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken);
                    return CommandResults.Success($"Moved back to {moved.GetProperty("sourceQueue").GetString()}.");
                },
            });

    /// <summary>Issue 13: an operator handled a permanent failure by hand, and says so.</summary>
    public static IResourceBuilder<ProjectResource> WithResolveFailureCommand(this IResourceBuilder<ProjectResource> worker, IdentityProvider identity) =>
        worker.WithHttpCommand("/operations/permanent-failures/{id}/resolution", "Mark a permanent failure resolved", commandName: "resolve-failure",
            commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                Description = "After handling a permanent failure (GET /operations/permanent-failures on order-worker) by hand, mark it resolved with a note.",
                IconName = "CheckmarkCircle",
                Arguments =
                [
                    new InteractionInput { Name = "id", Label = "Failure id", InputType = InputType.Text, Required = true },
                    new InteractionInput { Name = "note", Label = "What was done", InputType = InputType.Text, Required = true },
                ],
                PrepareRequest = async context =>
                {
                    await AddTokenAsync(context, identity);
                    FillPath(context, "id");
                    context.Request.Content = JsonContent.Create(new { note = context.Arguments!.TryGetByName("note", out var note) ? note.Value : null });
                },
                GetCommandResult = async context => context.Response.IsSuccessStatusCode
                    ? CommandResults.Success("Marked resolved.")
                    : await FailureAsync(context.Response),
            });

    /// <summary>ORD-11 for an operator: a channel transaction stuck in creation is force-completed; its order is created asynchronously.</summary>
    public static IResourceBuilder<ProjectResource> WithForceCompletionCommand(this IResourceBuilder<ProjectResource> worker, IdentityProvider identity) =>
        worker.WithHttpCommand("/operations/force-completion/{confirmationNumber}", "Force-complete a transaction", commandName: "force-complete",
            commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                Description = "ORD-11: completes a channel transaction stuck in creation; its order is created asynchronously and can no longer be voided.",
                IconName = "FastForward",
                Arguments = [new InteractionInput { Name = "confirmationNumber", Label = "Confirmation number", InputType = InputType.Text, Required = true }],
                PrepareRequest = async context =>
                {
                    await AddTokenAsync(context, identity);
                    FillPath(context, "confirmationNumber");
                },
                GetCommandResult = async context => context.Response.IsSuccessStatusCode
                    ? CommandResults.Success("Force-completed: the order is created asynchronously.")
                    : await FailureAsync(context.Response),
            });

    /// <summary>Puts each prompted value, escaped, in its <c>{name}</c> of the command's path.</summary>
    private static void FillPath(HttpCommandRequestContext context, params string[] names)
    {
        var uri = context.Request.RequestUri!.ToString();
        foreach (var name in names)
        {
            var value = context.Arguments is { } arguments && arguments.TryGetByName(name, out var input) ? input.Value ?? "" : "";
            uri = uri.Replace($"%7B{name}%7D", Uri.EscapeDataString(value), StringComparison.OrdinalIgnoreCase)
                .Replace($"{{{name}}}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        context.Request.RequestUri = new Uri(uri);
    }

    /// <summary>
    /// A token for each action, asked for when the operator runs it: actions are rare, so nothing is held between them
    /// and no client library is needed for two plain requests (the discovery document, then the token endpoint).
    /// </summary>
    private static async Task AddTokenAsync(HttpCommandRequestContext context, IdentityProvider identity)
    {
        var http = context.HttpClient;
        var ct = context.CancellationToken;
        var authority = (await identity.Authority.GetValueAsync(ct))!.TrimEnd('/');
        var discovery = await http.GetFromJsonAsync<JsonElement>($"{authority}/.well-known/openid-configuration", ct);
        using var response = await http.PostAsync(discovery.GetProperty("token_endpoint").GetString(), new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", IdentityProvider.DashboardClientId),
            new("client_secret", await identity.DashboardSecret.Resource.GetValueAsync(ct)),
        ]), ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The identity provider gave the dashboard no operator token: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        context.Request.Headers.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
    }

    private static async Task<ExecuteCommandResult> FailureAsync(HttpResponseMessage response) =>
        CommandResults.Failure($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}
