// The package ships no types; it exposes one check against Mozilla's common-password list.
declare module 'fxa-common-password-list' {
  const list: { test(password: string): boolean };
  export default list;
}
