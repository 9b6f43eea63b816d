var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var dancedb = postgres.AddDatabase("dancedb");
var redis = builder.AddRedis("redis");
var blobs = builder.AddAzureStorage("storage").RunAsEmulator().AddBlobs("blobs");

var tokenSigningKey = builder.AddParameter("token-signing-key", secret: true, generate: true);

var api = builder.AddProject<Projects.DanceAspire_Api>("api")
    .WithReference(dancedb).WithReference(redis).WithReference(blobs)
    .WaitFor(dancedb).WaitFor(redis).WaitFor(blobs)
    .WithEnvironment("Auth__SigningKey", tokenSigningKey)
    .WithEnvironment("Auth__AdminEmail", builder.Configuration["Auth:AdminEmail"] ?? "")
    .WithHttpHealthCheck("/health");

// The dispatcher waits for the api, which migrates the schema it works on.
builder.AddProject<Projects.DanceAspire_Dispatcher>("dispatcher")
    .WithReference(dancedb).WithReference(redis)
    .WaitFor(api).WaitFor(redis)
    .WithHttpHealthCheck("/health");

// The pose models are prepared at set-up (models/prepare.sh) into models/onnx.
builder.AddProject<Projects.DanceAspire_AnalysisWorker>("analysis-worker")
    .WithReference(redis).WithReference(blobs)
    .WaitFor(redis).WaitFor(blobs)
    .WithEnvironment("Pose__ModelDirectory", Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "models", "onnx")))
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.DanceAspire_GenerationWorker>("generation-worker")
    .WithReference(redis).WithReference(blobs)
    .WaitFor(redis).WaitFor(blobs)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.DanceAspire_Assembler>("assembler")
    .WithReference(redis).WithReference(blobs)
    .WaitFor(redis).WaitFor(blobs)
    .WithReplicas(2)
    .WithHttpHealthCheck("/health");

var web = builder.AddNpmApp("web", "../web", "start")
    .WithHttpEndpoint(env: "PORT")
    .WithHttpHealthCheck("/");

builder.AddProject<Projects.DanceAspire_Gateway>("gateway")
    .WithHttpEndpoint(port: 8080)
    .WithReference(api).WithReference(web)
    .WaitFor(api).WaitFor(web)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
