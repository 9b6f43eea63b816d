using DanceAspire.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapReverseProxy();

app.Run();
