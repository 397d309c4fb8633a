using OmniChannel.AppHost.Infrastructure;
using OmniChannel.AppHost.Operations;
using Microsoft.Extensions.Hosting;
using OmniChannel.AppHost.Platform;

// OmniChannel's topology. `dotnet run --project AppHost` runs it; the dashboard (http://localhost:18888) is the
// operators' console: every resource, its logs, traces and metrics, and the operator actions as resource commands.
var builder = DistributedApplication.CreateBuilder(args);

// ConnectionStrings__postgres / __rabbitmq name servers to use; else containers where a container engine answers;
// else Debian's packages as local processes, their data in the checkout's .omni/ (Infrastructure/Servers.cs).
var postgres = builder.AddPostgresServer("postgres");
var rabbitmq = builder.AddRabbitMQServer("rabbitmq");

// A project serves the port of its appsettings.json (Kestrel:Endpoints) itself, plain HTTP on loopback, without DCP's
// proxy (Platform/Ports.cs), in AppHost's environment (Development: sample data), in a session of its own for the CPU
// scheduler (Platform/CpuPriority.cs), and is healthy once its /health/ready says so. No developer certificate: nothing here serves HTTPS (without this, Aspire's evaluation API,
// the dashboard shows every operator an error that no trusted certificate was found).
#pragma warning disable ASPIRECERTIFICATES001
IResourceBuilder<ProjectResource> Project<TProject>(string name, int? port = null) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithOwnEndpoints(port)
        .WithOwnSession()
        .WithoutHttpsCertificate()
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
        .WithHttpHealthCheck("/health/ready");
#pragma warning restore ASPIRECERTIFICATES001

// Every request carries a bearer token. In development and tests the embedded token service issues them (services/
// Identity, its principals in deploy/sample-data/identity.json), started before everything that checks them; elsewhere
// the retailer's own identity provider (the identity-authority parameter). Platform/IdentityProvider.cs.
var identity = builder.AddIdentityProvider(name => Project<Projects.OmniChannel_Identity>(name));

// Every service keeps its event streams in PostgreSQL (Marten), publishes over RabbitMQ (MassTransit), checks the tokens
// of its callers and has a client of its own for its calls to other services.
IResourceBuilder<ProjectResource> Service<TProject>(string name, int? port = null) where TProject : IProjectMetadata, new() =>
    Project<TProject>(name, port)
        .WithReference(postgres).WaitFor(postgres)
        .WithReference(rabbitmq).WaitFor(rabbitmq)
        .WithServiceClient(identity);

var inventory = Service<Projects.OmniChannel_InventoryAllocation>("inventory")
    .WithStorefrontPushCommand(identity); // INV-2's push now
var pickup = Service<Projects.OmniChannel_Pickup>("pickup");
// Every replica of Pricing signs and checks price locks with one key (services/Pricing/Features/Carts/PriceLockSeals.cs).
var priceLockKey = builder.AddParameter("pricing-lock-key", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true);
var pricing = Service<Projects.OmniChannel_Pricing>("pricing") // http, and gRPC on an HTTP/2-only endpoint
    .WithEnvironment("Pricing__PriceLockKey", priceLockKey);
var payment = Service<Projects.OmniChannel_PaymentToken>("payment");
if (builder.Environment.IsDevelopment())
{
    // The processor emulator stands in for the card acquirer, in development and tests only: a process of its own that
    // Payment reaches over HTTP through its connector, as it would reach a real acquirer.
    var processor = Project<Projects.OmniChannel_ProcessorEmulator>("processor-emulator").WithReference(postgres).WaitFor(postgres);
    payment.WithReference(processor).WaitFor(processor);
}
else
{
    payment.WithEnvironment("Payments__Processor__Url", builder.AddParameter("processor-url"));
}

// The Order service runs as two processes: its API (the terminals' requests, latency work) and its worker (the order
// saga and the order-sync job, throughput work), so the terminals' requests do not wait behind the saga's backlog.
// The API and the gateway, which a cashier waits on, run at a higher CPU priority (root only; Platform/CpuPriority.cs).
var order = Service<Projects.OmniChannel_Order>("order")
    .WithEnvironment("Order__Role", "Api")
    .WithCpuPriority(-5)
    .WithReference(inventory).WithReference(pricing).WithReference(payment).WithReference(pickup)
    .WithRealTimeDrillCommand(identity);
var orderWorker = Service<Projects.OmniChannel_Order>("order-worker", port: 5106)
    .WithEnvironment("Order__Role", "Worker")
    .WithReference(pricing).WithReference(payment) // Payment: the reconciliation's reads
    .WithOrderSyncCommand(identity)
    .WithAsyncCancellationCommand(identity)
    .WithResolveCancellationCommand(identity)
    .WithReconciliationCommand(identity)
    .WithMoveBackCommand(identity)          // issue 13: the operators' queues (services/Order/Features/OperatorQueues)
    .WithResolveFailureCommand(identity)
    .WithForceCompletionCommand(identity);

// The gateway reaches the services only through their URLs, and waits for all of them. The Order API is ready once its
// projections of Inventory's fulfillment groups and Payment's tender types hold them (published as those start), so the
// Order service itself need not wait for its owners.
var gateway = Project<Projects.OmniChannel_Gateway>("gateway")
    .WithIdentity(identity)
    .WithReference(order).WithReference(inventory).WithReference(payment).WithReference(pickup).WithReference(pricing)
    .WaitFor(order).WaitFor(orderWorker).WaitFor(inventory).WaitFor(payment).WaitFor(pickup).WaitFor(pricing)
    .WithCpuPriority(-5)
    .WithStartupReport();
// Each service's OpenAPI document names the gateway as its server: "try it" goes where every client goes.
foreach (var service in new[] { order, inventory, payment, pickup, pricing })
    service.WithEnvironment("OpenApi__ServerUrl", gateway.GetEndpoint("http"));
// Per-client rate limits other than the gateway's own (gateway/ClientRateLimits.cs), when a run asks for them: the
// tests and benchmarks send everything from one client (--Gateway:RateLimits:PerSecond=… --Gateway:RateLimits:Burst=…).
foreach (var limit in builder.Configuration.GetSection("Gateway:RateLimits").GetChildren())
    gateway.WithEnvironment($"RateLimits__{limit.Key}", limit.Value);

// ORD-10's job settings for the order worker, when a run asks for them (the tests: --Order:AsyncCancellation:Interval=00:00:02).
foreach (var setting in builder.Configuration.GetSection("Order:AsyncCancellation").GetChildren())
    orderWorker.WithEnvironment($"AsyncCancellation__{setting.Key}", setting.Value);
// The operators' queues' thresholds and objectives, likewise (the tests: --Order:OperatorQueues:PendingTransactionThreshold=00:00:05).
foreach (var setting in builder.Configuration.GetSection("Order:OperatorQueues").GetChildren().Where(s => s.Value is not null))
    orderWorker.WithEnvironment($"OperatorQueues__{setting.Key}", setting.Value);
// INV-2's push schedule, and storefronts to push to (their webhook URL and signing secret), when a run names them
// (the tests: --Inventory:StorefrontPush:Interval=00:00:01 --Storefronts:test:WebhookUrl=… --Storefronts:test:WebhookSecret=whsec_…).
foreach (var setting in builder.Configuration.GetSection("Inventory:StorefrontPush").GetChildren().Where(s => s.Value is not null))
    inventory.WithEnvironment($"StorefrontPush__{setting.Key}", setting.Value);
// The Order service sends storefronts their order.ready_for_pickup (PUP-9) to the same URLs, signed with the same secrets.
foreach (var setting in builder.Configuration.GetSection("Storefronts").GetChildren().SelectMany(s => s.GetChildren().Where(c => c.Value is not null)))
    foreach (var service in new[] { inventory, order, orderWorker })
        service.WithEnvironment(setting.Path.Replace(":", "__", StringComparison.Ordinal), setting.Value);

builder.Build().Run();
