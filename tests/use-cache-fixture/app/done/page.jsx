export default function Done() {
  return <p id="done">saved</p>;
}
