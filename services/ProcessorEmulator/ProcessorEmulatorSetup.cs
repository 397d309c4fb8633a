using OmniChannel.ProcessorEmulator.Api;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.ProcessorEmulator;

public static class ProcessorEmulatorSetup
{
    public static IHostApplicationBuilder AddProcessorEmulator(this IHostApplicationBuilder builder)
    {
        // Schema processor_emulator on ConnectionStrings:postgres, ready only while PostgreSQL answers.
        var dataSource = builder.AddPostgresDataSource("processor-emulator");
        builder.Services.AddSingleton(builder.Configuration.GetSection("Processor").Get<ProcessorOptions>() ?? new ProcessorOptions());
        builder.Services.AddSingleton<IProcessorStore>(new PostgresProcessorStore(dataSource));
        builder.Services.AddSingleton<ProcessorEmulator>();
        return builder;
    }

    /// <summary>The card's side (tokenize, test cards) and the acquirer's side (what a payment connector calls).</summary>
    public static IEndpointRouteBuilder MapProcessorEmulator(this IEndpointRouteBuilder app)
    {
        app.MapCards();
        app.MapVerify();
        app.MapAuthorize();
        app.MapCapture();
        app.MapVoid();
        app.MapRefund();
        app.MapOperations();
        return app;
    }
}
