// Analyzes uploaded dance videos: pose, metrics, overlay (the work arrives in a later issue).
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedisClient("redis");
builder.AddAzureBlobClient("blobs");

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
