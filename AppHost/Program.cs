using OmniChannel.AppHost.Hosting;

// OmniChannel's topology, in Aspire's vocabulary (see Hosting/ for our small stand-in for Aspire.Hosting).
//   dotnet run --project AppHost                      fixed ports, gateway on http://127.0.0.1:8080
//   dotnet run --project AppHost -- --ports dynamic   free ports for everything (tests beside a running instance)
//   ... -- --state-file <path>                        resources, pids and URLs as JSON once up
//   ... -- --dry-run                                  print the plan (ports, environment) and exit
var builder = DistributedApplication.CreateBuilder(args);

// Private PostgreSQL and RabbitMQ from deploy/local/infra.sh, unless ConnectionStrings__postgres /
// ConnectionStrings__rabbitmq are already set in AppHost's environment.
var postgres = builder.AddPostgres("postgres");
var rabbitmq = builder.AddRabbitMQ("rabbitmq");

// Every service keeps its event streams in PostgreSQL (Marten) and publishes over RabbitMQ (MassTransit).
IResourceBuilder<ProjectResource> AddService(string name, string project, int port) =>
    builder.AddProject(name, project)
        .WithHttpEndpoint(port: port)
        .WithReference(postgres).WithReference(rabbitmq)
        .WaitFor(postgres).WaitFor(rabbitmq);

var inventory = AddService("inventory", "services/InventoryAllocation/OmniChannel.InventoryAllocation.csproj", 5102);

// The card acquirer's stand-in (development and tests only): the payment service reaches it over HTTP.
var processorEmulator = builder.AddProject("processor-emulator", "services/ProcessorEmulator/OmniChannel.ProcessorEmulator.csproj")
    .WithHttpEndpoint(port: 5107)
    .WithReference(postgres)
    .WaitFor(postgres);
var payment = AddService("payment", "services/PaymentToken/OmniChannel.PaymentToken.csproj", 5103)
    .WithReference(processorEmulator);
var pickup = AddService("pickup", "services/Pickup/OmniChannel.Pickup.csproj", 5104);

// Pricing also serves gRPC, on an endpoint of its own that speaks only HTTP/2 (h2c, no TLS).
var pricing = AddService("pricing", "services/Pricing/OmniChannel.Pricing.csproj", 5105)
    .WithHttpEndpoint(port: 5115, name: "grpc", http2Only: true);

// The Order service runs as two processes: its API (the terminals' requests, latency work) and its worker (the order
// saga, throughput work), so the terminals' requests do not wait in one process behind the saga's backlog. The API and
// the gateway, which a cashier waits on, get a higher CPU priority than the back office (root only; see WithCpuPriority).
var order = AddService("order", "services/Order/OmniChannel.Order.csproj", 5101)
    .WithEnvironment("Order__Role", "Api")
    .WithCpuPriority(-5)
    .WithReference(inventory).WithReference(pricing).WithReference(payment).WithReference(pickup);
var orderWorker = AddService("order-worker", "services/Order/OmniChannel.Order.csproj", 5106)
    .WithEnvironment("Order__Role", "Worker")
    .WithReference(pricing);

// The gateway reaches the services only through their URLs: no database, no broker. It waits for all of them, so
// none is called before it is up.
builder.AddProject("gateway", "gateway/OmniChannel.Gateway.csproj")
    .WithHttpEndpoint(port: 8080)
    .WithCpuPriority(-5)
    .WithReference(order).WithReference(inventory).WithReference(payment).WithReference(pickup).WithReference(pricing)
    .WaitFor(order).WaitFor(orderWorker).WaitFor(inventory).WaitFor(payment).WaitFor(pickup).WaitFor(pricing);

return await builder.Build().RunAsync();
