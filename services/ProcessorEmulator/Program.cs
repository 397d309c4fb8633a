using OmniChannel.ProcessorEmulator;

// A card acquirer's stand-in for development and tests. The Payment-Token service reaches it over HTTP through its
// connector, as it would a real acquirer; payment terminals and hosted payment fields tokenize their cards here.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddProcessorEmulator();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapProcessorEmulator();
app.Run();
