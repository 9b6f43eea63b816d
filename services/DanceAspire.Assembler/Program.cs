// Turns choreography blueprints into videos with ffmpeg: the "assembly" jobs.
using DanceAspire.Assembler;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedisClient("redis");
builder.AddAzureBlobClient("blobs");
builder.AddAssembler();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
