// The vendored sources use Assembly and friends without a using: their own build adds this one.
global using System.Reflection;
