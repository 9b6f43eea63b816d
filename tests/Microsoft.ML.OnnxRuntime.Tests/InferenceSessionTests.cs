namespace Microsoft.ML.OnnxRuntime.Tests;

public class InferenceSessionTests
{
    private static readonly long[] Shape = [2, 3];

    [Fact]
    public void An_add_model_built_in_memory_adds_its_inputs_exactly()
    {
        float[] a = [1.5f, -2f, 3.25f, 0f, 1e6f, -0.125f];
        float[] b = [0.5f, 2f, -1.25f, 7f, 1f, 0.25f];
        using var session = new InferenceSession(AddModel.Encode(Shape));
        using var inputA = OrtValue.CreateTensorValueFromMemory(a, Shape);
        using var inputB = OrtValue.CreateTensorValueFromMemory(b, Shape);
        using var runOptions = new RunOptions();

        using var outputs = session.Run(runOptions, ["A", "B"], [inputA, inputB], ["C"]);

        var c = outputs[0];
        Assert.Equal(Shape, c.GetTensorTypeAndShape().Shape);
        Assert.Equal(a.Zip(b, (x, y) => x + y), c.GetTensorDataAsSpan<float>().ToArray());
    }

    [Fact]
    public void The_session_reports_the_model_inputs_and_outputs_it_was_built_with()
    {
        using var session = new InferenceSession(AddModel.Encode(Shape));

        Assert.Equal(["A", "B"], session.InputNames);
        Assert.Equal(["C"], session.OutputNames);
        Assert.Equal([2, 3], session.InputMetadata["A"].Dimensions);
        Assert.Equal(typeof(float), session.OutputMetadata["C"].ElementType);
    }

    [Fact]
    public void Random_bytes_are_rejected_with_an_onnx_runtime_exception()
    {
        var garbage = new byte[256];
        new Random(4).NextBytes(garbage);

        var error = Assert.Throws<OnnxRuntimeException>(() => new InferenceSession(garbage));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Inputs_of_the_wrong_shape_are_rejected_with_an_onnx_runtime_exception()
    {
        using var session = new InferenceSession(AddModel.Encode(Shape));
        using var wrongShape = OrtValue.CreateTensorValueFromMemory(new float[4], [2, 2]);
        using var runOptions = new RunOptions();

        var error = Assert.Throws<OnnxRuntimeException>(
            () => session.Run(runOptions, ["A", "B"], [wrongShape, wrongShape], ["C"]));

        Assert.Contains("dimension", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
