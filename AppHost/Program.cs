using OmniChannel.AppHost.Infrastructure;
using OmniChannel.AppHost.Operations;
using OmniChannel.AppHost.Platform;

// OmniChannel's topology. `dotnet run --project AppHost` runs it; the dashboard (http://localhost:18888) is the
// operators' console: every resource, its logs, traces and metrics, and the operator actions as resource commands.
var builder = DistributedApplication.CreateBuilder(args);

// ConnectionStrings__postgres / __rabbitmq name servers to use; else containers where a container engine answers;
// else Debian's packages as local processes, their data in the checkout's .omni/ (Infrastructure/Servers.cs).
var postgres = builder.AddPostgresServer("postgres");
var rabbitmq = builder.AddRabbitMQServer("rabbitmq");
var operatorKey = builder.AddOperatorKey();

// Every service keeps its event streams in PostgreSQL (Marten) and publishes over RabbitMQ (MassTransit); its port
// is in its appsettings.json (Kestrel:Endpoints), served without DCP's proxy (Platform/Ports.cs).
IResourceBuilder<ProjectResource> AddService<TProject>(string name, int? port = null) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithOwnEndpoints(port)
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
        .WithReference(postgres).WaitFor(postgres)
        .WithReference(rabbitmq).WaitFor(rabbitmq)
        .WithHttpHealthCheck("/health/ready");

var inventory = AddService<Projects.OmniChannel_InventoryAllocation>("inventory");
var payment = AddService<Projects.OmniChannel_PaymentToken>("payment");
var pickup = AddService<Projects.OmniChannel_Pickup>("pickup");
var pricing = AddService<Projects.OmniChannel_Pricing>("pricing"); // http, and gRPC on an HTTP/2-only endpoint

// The Order service runs as two processes: its API (the terminals' requests, latency work) and its worker (the order
// saga and the order-sync job, throughput work), so the terminals' requests do not wait behind the saga's backlog.
var order = AddService<Projects.OmniChannel_Order>("order")
    .WithEnvironment("Order__Role", "Api")
    .WithReference(inventory).WithReference(pricing).WithReference(payment).WithReference(pickup)
    .WithOperatorKey(operatorKey).WithRealTimeDrillCommand(operatorKey);
var orderWorker = AddService<Projects.OmniChannel_Order>("order-worker", port: 5106)
    .WithEnvironment("Order__Role", "Worker")
    .WithReference(pricing)
    .WithOperatorKey(operatorKey).WithOrderSyncCommand(operatorKey);

// The gateway reaches the services only through their URLs, and waits for all of them.
builder.AddProject<Projects.OmniChannel_Gateway>("gateway")
    .WithOwnEndpoints()
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithReference(order).WithReference(inventory).WithReference(payment).WithReference(pickup).WithReference(pricing)
    .WaitFor(order).WaitFor(orderWorker).WaitFor(inventory).WaitFor(payment).WaitFor(pickup).WaitFor(pricing)
    .WithHttpHealthCheck("/health/ready")
    .WithStartupReport();

builder.Build().Run();
