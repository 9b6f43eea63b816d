// Turns blueprints into videos with ffmpeg (the work arrives in a later issue).
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedisClient("redis");
builder.AddAzureBlobClient("blobs");
// The job worker host; its handlers arrive with the work itself.
builder.AddJobWorker();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
