// Analyzes uploaded dance videos: pose per frame, metrics, skeleton overlay, keypoints, thumbnail.
using DanceAspire.AnalysisWorker;
using DanceAspire.Media;
using DanceAspire.Pose;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedisClient("redis");
builder.AddAzureBlobClient("blobs");
builder.Services.AddMedia();
builder.Services.AddPoseEstimation(builder.Configuration);
builder.Services.AddSingleton<VideoAnalyzer>();
builder.AddJobWorker().AddHandler<AnalysisJobHandler>();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
