import path from 'node:path';
import webpack from 'webpack';

const root = path.resolve(__dirname, '../..');
export const BUILD_DIR = path.join(root, 'tests/screenshots/.build');

/** Builds harness.tsx into .build/harness.js (development mode: about 15 s, against 65–105 s for production). */
export function buildHarness(): Promise<void> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context: root,
    entry: path.join(__dirname, 'harness.tsx'),
    output: { path: BUILD_DIR, filename: 'harness.js', publicPath: '/harness/' },
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
      alias: {
        'grafana-plugin-page-internal$': require
          .resolve('@grafana/runtime')
          .replace(/cjs[\\/]index\.cjs$/, 'esm/components/PluginPage.mjs'),
      },
    },
    module: {
      rules: [
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020' } },
          },
        },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
        { test: /\.(png|jpe?g|gif|svg|woff2?|ttf|eot)$/, type: 'asset/resource' },
      ],
    },
    performance: { hints: false },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || stats?.hasErrors()) {
        reject(err ?? new Error(stats?.toString('errors-only')));
      } else {
        resolve();
      }
    })
  );
}
