using DanceAspire.Api;
using DanceAspire.Api.Diagnostics;
using DanceAspire.Api.Health;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapDefaultEndpoints();

app.MapHealthApi();
app.MapDiagnosticsApi();

app.Run();
