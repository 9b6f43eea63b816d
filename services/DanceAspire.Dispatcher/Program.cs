using DanceAspire.Dispatcher;

// Routes jobs from Postgres to the workers' Redis streams and is the single writer of their state transitions.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddJobDispatcher();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
