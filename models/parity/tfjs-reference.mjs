// Runs a TensorFlow.js graph model on raw input tensors with TFJS's pure-JavaScript CPU backend, the reference
// our ONNX conversion is checked against.
//
//   node tfjs-reference.mjs <model.json> <int32|float32> <out-dir> <input.raw>...
//
// Each input file holds one little-endian tensor of the model's input shape (batch 1). For input number i the
// script writes <out-dir>/<i>/<output key>.f32 (little-endian float32) and, once, <out-dir>/outputs.json with
// each output's signature key, tensor name and shape.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';

const [modelPath, dtype, outDir, ...inputFiles] = process.argv.slice(2);
if (!modelPath || !['int32', 'float32'].includes(dtype) || !outDir || inputFiles.length === 0) {
  console.error('usage: node tfjs-reference.mjs <model.json> <int32|float32> <out-dir> <input.raw>...');
  process.exit(2);
}

await tf.setBackend('cpu');
const modelJson = JSON.parse(await readFile(modelPath, 'utf8'));
const model = await tf.loadGraphModel({ load: () => loadArtifacts(modelJson, path.dirname(modelPath)) });

const [inputKey, input] = Object.entries(modelJson.signature.inputs)[0];
const inputShape = input.tensorShape.dim.map((dim) => Math.max(1, Number(dim.size)));
const outputs = Object.entries(modelJson.signature.outputs).map(([key, output]) => ({
  key, tensorName: output.name,
}));

for (const [index, file] of inputFiles.entries()) {
  const bytes = await readFile(file);
  const data = dtype === 'int32'
    ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
    : new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const results = tf.tidy(() => {
    const tensor = tf.tensor(data, inputShape, dtype);
    const produced = model.execute({ [input.name.replace(/:0$/, '')]: tensor }, outputs.map((output) => output.tensorName));
    return Array.isArray(produced) ? produced : [produced];
  });
  const dir = path.join(outDir, String(index));
  await mkdir(dir, { recursive: true });
  for (const [i, output] of outputs.entries()) {
    output.shape = results[i].shape;
    const values = await results[i].data();
    await writeFile(path.join(dir, `${output.key.replace(/:0$/, '')}.f32`), Buffer.from(Float32Array.from(values).buffer));
  }
  tf.dispose(results);
}
await writeFile(path.join(outDir, 'outputs.json'), JSON.stringify({ input: inputKey, outputs }, null, 2));

// A file-based IO handler: the model's weights are the manifest's files, concatenated in manifest order.
async function loadArtifacts(json, directory) {
  const weightSpecs = [];
  const buffers = [];
  for (const group of json.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const file of group.paths) buffers.push(await readFile(path.join(directory, file)));
  }
  const weights = Buffer.concat(buffers);
  return {
    modelTopology: json.modelTopology,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    signature: json.signature,
    weightSpecs,
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  };
}
