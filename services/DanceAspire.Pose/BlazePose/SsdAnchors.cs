namespace DanceAspire.Pose.BlazePose;

/// <summary>An SSD anchor: a centre and size in 0..1 of the detector's input.</summary>
public readonly record struct Anchor(float CenterX, float CenterY, float Width, float Height);

/// <summary>How a single-shot detector lays its anchors over the input (MediaPipe's SsdAnchorsCalculator options).</summary>
public sealed record SsdAnchorOptions(
    int InputWidth,
    int InputHeight,
    float MinScale,
    float MaxScale,
    int[] Strides,
    float[] AspectRatios,
    float OffsetX = 0.5f,
    float OffsetY = 0.5f,
    bool FixedAnchorSize = true,
    float InterpolatedScaleAspectRatio = 1f)
{
    /// <summary>The BlazePose person detector: 224x224, five layers on strides 8, 16, 32, 32, 32 (2254 anchors).</summary>
    public static readonly SsdAnchorOptions BlazePoseDetector = new(224, 224, 0.1484375f, 0.75f, [8, 16, 32, 32, 32], [1f]);
}

/// <summary>Generates the anchor grid a detector's raw box outputs are relative to, one anchor per output row.</summary>
public static class SsdAnchors
{
    public static Anchor[] Generate(SsdAnchorOptions options)
    {
        var anchors = new List<Anchor>();
        var strides = options.Strides;
        var layer = 0;
        while (layer < strides.Length)
        {
            // Consecutive layers with the same stride share one grid; their anchor shapes are pooled per cell.
            var sizes = new List<(float Width, float Height)>();
            var last = layer;
            for (; last < strides.Length && strides[last] == strides[layer]; last++)
            {
                var scale = Scale(options, last);
                foreach (var ratio in options.AspectRatios) sizes.Add(Shape(scale, ratio));
                if (options.InterpolatedScaleAspectRatio > 0)
                {
                    var nextScale = last == strides.Length - 1 ? 1f : Scale(options, last + 1);
                    sizes.Add(Shape(MathF.Sqrt(scale * nextScale), options.InterpolatedScaleAspectRatio));
                }
            }

            var rows = (int)Math.Ceiling(options.InputHeight / (double)strides[layer]);
            var columns = (int)Math.Ceiling(options.InputWidth / (double)strides[layer]);
            for (var y = 0; y < rows; y++)
            {
                for (var x = 0; x < columns; x++)
                {
                    var centerX = (x + options.OffsetX) / columns;
                    var centerY = (y + options.OffsetY) / rows;
                    foreach (var (width, height) in sizes)
                    {
                        anchors.Add(options.FixedAnchorSize
                            ? new Anchor(centerX, centerY, 1f, 1f)
                            : new Anchor(centerX, centerY, width, height));
                    }
                }
            }
            layer = last;
        }
        return [.. anchors];
    }

    private static float Scale(SsdAnchorOptions options, int strideIndex) =>
        options.Strides.Length == 1
            ? (options.MinScale + options.MaxScale) / 2
            : options.MinScale + (options.MaxScale - options.MinScale) * strideIndex / (options.Strides.Length - 1);

    private static (float Width, float Height) Shape(float scale, float aspectRatio)
    {
        var root = MathF.Sqrt(aspectRatio);
        return (scale * root, scale / root);
    }
}
