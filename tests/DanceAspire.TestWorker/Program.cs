using DanceAspire.TestWorker;

// A job worker with test handlers, for the job system's integration tests and benchmark.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedisClient("redis");
builder.AddJobWorker()
    .AddHandler<EchoHandler>()
    .AddHandler<NoopHandler>();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
