/** Client-side pieces of the features (commands, views), each registered from its own module. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerGlossary } from './glossary';
import { registerSimilar } from './similar';
import { registerCitations } from './cite';

export function registerClientFeatures(context: vscode.ExtensionContext, client: LanguageClient): void {
  registerGlossary(context, client);
  registerSimilar(context, client);
  registerCitations(context, client);
}
