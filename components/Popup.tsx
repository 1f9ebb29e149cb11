export function Popup() {
  return <main />;
}
