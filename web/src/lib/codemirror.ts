// CodeMirror 6, loaded only by the pages that edit or compare configuration
// files (a chunk of its own): an editor and a side-by-side comparison, with
// highlighting for properties, YAML and JSON.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { json } from '@codemirror/lang-json'
import { yaml } from '@codemirror/lang-yaml'
import { defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language'
import { properties } from '@codemirror/legacy-modes/mode/properties'
import { MergeView } from '@codemirror/merge'
import { EditorState, type Extension } from '@codemirror/state'
import { EditorView, keymap, lineNumbers } from '@codemirror/view'

export type ConfigFormat = 'properties' | 'yaml' | 'json' | 'text'

function language(format: ConfigFormat | undefined): Extension[] {
  if (format === 'json') return [json()]
  if (format === 'yaml') return [yaml()]
  if (format === 'properties') return [StreamLanguage.define(properties)]
  return []
}

function base(format: ConfigFormat | undefined, label: string, readOnly: boolean): Extension[] {
  return [
    lineNumbers(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    ...language(format),
    EditorView.contentAttributes.of({ 'aria-label': label }),
    EditorState.readOnly.of(readOnly),
    EditorView.editable.of(!readOnly),
  ]
}

export interface Editor {
  value(): string
  setValue(text: string): void
  destroy(): void
}

export function createEditor(parent: HTMLElement, options: {
  doc: string
  format?: ConfigFormat
  label: string
  readOnly?: boolean
  onChange?: (text: string) => void
}): Editor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        ...base(options.format, options.label, !!options.readOnly),
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) options.onChange?.(u.state.doc.toString())
        }),
      ],
    }),
  })
  return {
    value: () => view.state.doc.toString(),
    setValue(text: string) {
      if (text !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } })
    },
    destroy: () => view.destroy(),
  }
}

/// Two read-only documents side by side, changed lines marked.
export function createComparison(parent: HTMLElement, options: {
  left: string
  right: string
  format?: ConfigFormat
  leftLabel: string
  rightLabel: string
}): { destroy(): void } {
  const view = new MergeView({
    parent,
    a: { doc: options.left, extensions: base(options.format, options.leftLabel, true) },
    b: { doc: options.right, extensions: base(options.format, options.rightLabel, true) },
    highlightChanges: true,
    gutter: true,
  })
  return { destroy: () => view.destroy() }
}
