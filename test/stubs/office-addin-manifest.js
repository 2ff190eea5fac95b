// office-addin-mock imports office-addin-manifest, which pulls in network and native pieces jest cannot load.
// Nothing under test uses it, so an empty module stands in.
module.exports = {};
