/**
 * Finds user-facing text written straight into UI sources instead of coming from a message
 * catalogue (src/ui/i18n). It parses each file with the TypeScript compiler and reports:
 *
 * - JSX text with letters in it (`<button>Play</button>`);
 * - string and template literals given to attributes people read or hear (`aria-label`,
 *   `title`, `placeholder`, `alt`, `label`, `caption`...), including through a conditional
 *   (`title={playing ? 'Pause' : 'Play'}`);
 * - string literals rendered as JSX children (`{open ? 'Hide' : 'Show'}`);
 * - anywhere else, literals that read as prose: two or more words with a capital letter or
 *   sentence punctuation (`'Stepped ' + jump + ' ahead.'`), or any text given to a property or
 *   variable named like text (`label: 'Partitions'`).
 *
 * Not reported: Kafka's own identifiers, which never translate (config keys such as
 * `min.insync.replicas`, error codes such as `NOT_ENOUGH_REPLICAS`, metric names such as
 * `UnderReplicatedPartitions`, the few words in `KAFKA_TERMS`); class names, selectors, imports,
 * type literals, comparisons, `Error` messages (programmer errors, not UI); and a literal on a
 * line with, or right after, an `i18n-exempt` comment, which must say why (Kafka's output quoted
 * verbatim, a test id); and a whole file that says `i18n-exempt-file: <why>` (a module under
 * src/ui whose words people never see, such as the translators' checks).
 */
import ts from 'typescript'

/**
 * Words Kafka (or AWS) prints that stay as they are in every language, beyond what the patterns
 * in `isKafkaIdentifier` already catch. Kept short on purpose: a common English word here would
 * hide untranslated text.
 */
export const KAFKA_TERMS: readonly string[] = [
  'Kafka',
  'Kafka HA Lab',
  'MSK',
  'Amazon MSK',
  'AWS',
  'KRaft',
  'ZooKeeper',
  'ISR',
  'Isr',
  'ELR',
  'Elr',
  'LEO',
  'HW',
  'acks',
  'acks=all',
  'acks=1',
  'acks=0',
  'p99',
  'README',
  'JSON',
  'CSV',
  'SVG',
  'PNG',
  'Markdown',
  'KIP',
  'ms',
  's',
  'min',
  'h',
  'MB',
  'KB',
  'GB',
  'B',
  'AZ',
]

/** Attributes whose value people read or hear. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'caption',
  'heading',
  'summary',
  'hint',
  'description',
  'text',
  'message',
  'emptyText',
  'legend',
])

/** Attributes that never hold text for people. */
const CODE_ATTRIBUTES = new Set([
  'className',
  'class',
  'id',
  'key',
  'href',
  'src',
  'type',
  'role',
  'name',
  'value',
  'defaultValue',
  'htmlFor',
  'style',
  'd',
  'viewBox',
  'fill',
  'stroke',
  'transform',
  'inputMode',
  'autoComplete',
  'pattern',
  'accept',
  'target',
  'rel',
  'method',
  'lang',
  'dir',
  'tone',
  'kind',
  'variant',
  'size',
  'align',
])

/** Names of properties and variables that hold text for people. */
const TEXT_NAME =
  /^(label|title|text|message|heading|caption|description|hint|summary|placeholder|tooltip|term|definition|targetName|ariaLabel|sentence|note|explanation|subtitle|legend|unit(Label)?|empty(Text)?|statusText)$/i

/** Calls whose string arguments are selectors, keys or code, never text. */
const CODE_CALLS = new Set([
  'querySelector',
  'querySelectorAll',
  'closest',
  'matches',
  'getElementById',
  'getAttribute',
  'setAttribute',
  'removeAttribute',
  'hasAttribute',
  'addEventListener',
  'removeEventListener',
  'getItem',
  'setItem',
  'removeItem',
  'createElement',
  'createElementNS',
  'attr',
  'classed',
  'style',
  'select',
  'selectAll',
  'require',
  'import',
  't',
  'parts',
  'getAction',
  'split',
  'join',
  'replace',
  'replaceAll',
  'startsWith',
  'endsWith',
  'includes',
  'indexOf',
  'padStart',
  'padEnd',
  'localeCompare',
  'log',
  'warn',
  'error',
  'info',
  'debug',
  'assert',
])

export interface Finding {
  line: number
  text: string
  kind: 'jsx-text' | 'attribute' | 'jsx-child' | 'prose'
}

const CONFIG_KEY = /\b[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*\.[a-z0-9]+(?:[._-][a-z0-9]+)*\b(?:=\S*)?/g
const ERROR_CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g
const CAMEL_METRIC = /\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b/g
const INTERNAL_TOPIC = /\b__[a-z_]+\b/g
const CLI_FLAG = /(^|\s)--[a-z][a-z-]*/g
const KAFKA_TOOL = /\bkafka-[a-z-]+\b/g

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const TERMS = new RegExp(
  `(^|[^\\p{L}])(?:${[...KAFKA_TERMS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?=$|[^\\p{L}])`,
  'gu',
)

/** The text with Kafka's identifiers and the allowed terms taken out. */
export function withoutKafkaIdentifiers(text: string): string {
  return text
    .replace(CONFIG_KEY, ' ')
    .replace(ERROR_CODE, ' ')
    .replace(CAMEL_METRIC, ' ')
    .replace(INTERNAL_TOPIC, ' ')
    .replace(CLI_FLAG, ' ')
    .replace(KAFKA_TOOL, ' ')
    .replace(TERMS, '$1 ')
}

/** Whether a piece of text has any letter left once Kafka's identifiers are taken out. */
export function needsTranslation(text: string): boolean {
  return /\p{L}/u.test(withoutKafkaIdentifiers(text))
}

/** Two words or more with a capital or sentence punctuation: text, not a class list or a key. */
export function readsAsProse(text: string): boolean {
  const rest = withoutKafkaIdentifiers(text)
  const words = rest.match(/(?:^|\s)[\p{L}][\p{L}'’]*[,.:;!?)]*(?=\s|$)/gu) ?? []
  if (words.length < 2) return false
  return /\p{Lu}/u.test(rest) || /[.:!?…]\s*$/.test(rest.trim()) || /[.:!?]\s/.test(rest)
}

/** The static text of a string or template literal, with each `${…}` as a single space. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ')
  }
  return null
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const callee = call.expression
  if (ts.isIdentifier(callee)) return callee.text
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text
  return ''
}

function isComparison(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === ts.SyntaxKind.EqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsToken
  )
}

/** Where a literal can only be code: a key, a type, a comparison, a selector, an error. */
function inCodePosition(node: ts.Node): boolean {
  const parent = node.parent
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return true
  if (ts.isLiteralTypeNode(parent) || ts.isImportTypeNode(parent)) return true
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true
  if (ts.isCaseClause(parent)) return true
  if (ts.isBinaryExpression(parent) && isComparison(parent.operatorToken.kind)) return true
  for (let up: ts.Node = parent; !ts.isSourceFile(up); up = up.parent) {
    if (ts.isCallExpression(up) || ts.isNewExpression(up)) {
      const name = calleeName(up)
      if (CODE_CALLS.has(name) || /Error$/.test(name)) return true
    }
    if (ts.isThrowStatement(up)) return true
    if (ts.isJsxAttribute(up) && CODE_ATTRIBUTES.has(up.name.getText())) return true
    if (ts.isTypeNode(up)) return true
    if (ts.isBlock(up) || ts.isFunctionLike(up)) break
  }
  return false
}

/** The name a literal is given to: a property's, a variable's, or a default parameter's. */
function holderName(node: ts.Node): string | null {
  let up = node.parent
  while (
    ts.isConditionalExpression(up) ||
    ts.isParenthesizedExpression(up) ||
    ts.isAsExpression(up) ||
    ts.isSatisfiesExpression(up) ||
    (ts.isBinaryExpression(up) &&
      up.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken &&
      up.operatorToken.kind !== ts.SyntaxKind.ExclamationEqualsEqualsToken)
  ) {
    up = up.parent
  }
  if (
    (ts.isPropertyAssignment(up) || ts.isVariableDeclaration(up) || ts.isParameter(up)) &&
    (ts.isIdentifier(up.name) || ts.isStringLiteral(up.name))
  ) {
    return up.name.text
  }
  return null
}

/** The JSX attribute or JSX child expression a literal flows into directly, if any. */
function jsxHome(node: ts.Node): ts.JsxAttribute | ts.JsxExpression | null {
  let up = node.parent
  while (
    ts.isConditionalExpression(up) ||
    ts.isParenthesizedExpression(up) ||
    ts.isBinaryExpression(up) ||
    ts.isTemplateSpan(up) ||
    ts.isTemplateExpression(up)
  ) {
    if (ts.isConditionalExpression(up) && up.condition === node) return null
    node = up
    up = up.parent
  }
  if (ts.isJsxExpression(up)) {
    return ts.isJsxAttribute(up.parent) ? up.parent : up
  }
  if (ts.isJsxAttribute(up)) return up
  return null
}

/** The statement (or class member, or JSX child) a node belongs to, for a marker above it. */
function enclosingStatement(node: ts.Node): ts.Node {
  let up = node
  while (!ts.isSourceFile(up.parent) && !ts.isBlock(up.parent) && !ts.isJsxElement(up.parent)) {
    up = up.parent
  }
  return up
}

/**
 * Marked with an `i18n-exempt` comment on the literal's line, the line before it, or the line
 * before the statement that holds it (so one marker covers a list of Kafka's column names).
 */
function exempted(source: ts.SourceFile, node: ts.Node): boolean {
  const lineOf = (n: ts.Node) => source.getLineAndCharacterOfPosition(n.getStart(source)).line
  const lines = source.text.split('\n')
  const line = lineOf(node)
  const statement = lineOf(enclosingStatement(node))
  return [lines[line], lines[line - 1], lines[statement], lines[statement - 1]].some(
    (text) => text?.includes('i18n-exempt') === true,
  )
}

function check(source: ts.SourceFile, node: ts.Node, findings: Finding[]): void {
  const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
  if (ts.isJsxText(node)) {
    const text = node.text.replace(/\s+/g, ' ').trim()
    if (needsTranslation(text) && !exempted(source, node)) {
      findings.push({ line, text, kind: 'jsx-text' })
    }
    return
  }
  const text = literalText(node)
  if (text === null || ts.isTemplateSpan(node.parent) || inCodePosition(node)) return
  if (ts.isTemplateExpression(node.parent)) return
  const home = jsxHome(node)
  let kind: Finding['kind'] | null = null
  if (home !== null && ts.isJsxAttribute(home)) {
    const name = home.name.getText()
    if (TEXT_ATTRIBUTES.has(name) && needsTranslation(text)) kind = 'attribute'
    else if (!CODE_ATTRIBUTES.has(name) && !name.startsWith('data-') && readsAsProse(text)) {
      kind = 'attribute'
    }
  } else if (home !== null) {
    if (needsTranslation(text)) kind = 'jsx-child'
  } else if (readsAsProse(text)) {
    kind = 'prose'
  } else {
    const holder = holderName(node)
    if (holder !== null && TEXT_NAME.test(holder) && needsTranslation(text)) kind = 'prose'
  }
  if (kind !== null && !exempted(source, node)) {
    findings.push({ line, text: text.replace(/\s+/g, ' ').trim(), kind })
  }
}

/** Every untranslated UI string in one source file. */
export function findUiStrings(fileName: string, text: string): Finding[] {
  if (text.includes('i18n-exempt-file:')) return []
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind)
  const findings: Finding[] = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isJsxText(node) ||
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node)
    ) {
      check(source, node, findings)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return findings
}
