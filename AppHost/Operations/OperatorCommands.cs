using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace OmniChannel.AppHost.Operations;

/// <summary>
/// Operator actions are the dashboard's resource commands on the resource they act on. Each sends an HTTP request to
/// the service's own <c>/operations/...</c> (never routed by the gateway) with the operator key this run generated;
/// the service refuses any request without it (ServiceDefaults' OperatorEndpoints). New operator actions are added the
/// same way.
/// </summary>
internal static class OperatorCommands
{
    private const string KeyHeader = "X-Operator-Key";

    /// <summary>The key the services accept for this run (<c>Operations__Key</c>), generated anew each run.</summary>
    public static IResourceBuilder<ParameterResource> AddOperatorKey(this IDistributedApplicationBuilder builder) =>
        builder.AddParameter("operator-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);

    public static IResourceBuilder<ProjectResource> WithOperatorKey(this IResourceBuilder<ProjectResource> service,
        IResourceBuilder<ParameterResource> key) => service.WithEnvironment("Operations__Key", key);

    /// <summary>ORD-9 drill: real-time order creation fails on purpose (or works again); the order-sync job takes over.</summary>
    public static IResourceBuilder<ProjectResource> WithRealTimeDrillCommand(this IResourceBuilder<ProjectResource> order,
        IResourceBuilder<ParameterResource> key) =>
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
                    await AddKeyAsync(context, key);
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
        IResourceBuilder<ParameterResource> key) =>
        worker.WithHttpCommand("/operations/order-sync", "Run the order sync job now", commandName: "order-sync",
            commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                Description = "ORD-9: create the orders of channel transactions still waiting, now.",
                IconName = "ArrowSync",
                PrepareRequest = context => AddKeyAsync(context, key),
                GetCommandResult = async context =>
                {
                    if (!context.Response.IsSuccessStatusCode)
                        return await FailureAsync(context.Response);
                    var run = await context.Response.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken);
                    return CommandResults.Success(
                        $"Created {run.GetProperty("created").GetInt32()} order(s) of {run.GetProperty("waiting").GetInt32()} waiting.");
                },
            });

    private static async Task AddKeyAsync(HttpCommandRequestContext context, IResourceBuilder<ParameterResource> key) =>
        context.Request.Headers.Add(KeyHeader, await key.Resource.GetValueAsync(context.CancellationToken));

    private static async Task<ExecuteCommandResult> FailureAsync(HttpResponseMessage response) =>
        CommandResults.Failure($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}
