/** "a meeting", "an actor", "an incident": the indefinite article a word takes in a message. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}
