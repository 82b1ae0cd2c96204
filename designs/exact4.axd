# Exact 4x4 multiplier. LUT view: the SMApprox design 0 netlist (specs/smapprox/netlists.json);
# gate view: a ripple-carry array of AND gates and half/full adders.
design exact4
summary "exact 4x4 unsigned multiplier"
inputs a[4] b[4]
output p[8]

view lut
  cell lut1 LUT6_2 INIT=7888788880008000 I0=b0 I1=a1 I2=b1 I3=a0 I4=1 I5=1 O5=n1 O6=n2
  cell lut2 LUT6_2 INIT=7888788880008000 I0=b0 I1=a2 I2=b1 I3=a1 I4=1 I5=1 O5=n3 O6=n4
  cell lut3 LUT6_2 INIT=7888788880008000 I0=b0 I1=a3 I2=b1 I3=a2 I4=1 I5=1 O5=n5 O6=n6
  cell lut4 LUT6_2 INIT=7888788880008000 I0=b2 I1=a2 I2=b1 I3=a3 I4=1 I5=1 O5=n7 O6=n8
  cell carry1 CARRY4 CI=0 CYINIT=0 DI=n1,n3,n5,n7 S=n2,n4,n6,n8 O=n9,n10,n11,n12 CO=-,-,-,n13
  cell lut5 LUT6_2 INIT=7878787880808080 I0=b2 I1=a0 I2=n10 I3=1 I4=1 I5=1 O5=n14 O6=n15
  cell lut6 LUT6_2 INIT=7878787880808080 I0=b2 I1=a1 I2=n11 I3=1 I4=1 I5=1 O5=n16 O6=n17
  cell lut7 LUT6_2 INIT=7878787880808080 I0=b3 I1=a1 I2=n12 I3=1 I4=1 I5=1 O5=n18 O6=n19
  cell lut8 LUT6_2 INIT=7878787880808080 I0=b2 I1=a3 I2=n13 I3=1 I4=1 I5=1 O5=n20 O6=n21
  cell carry2 CARRY4 CI=0 CYINIT=0 DI=n14,n16,n18,n20 S=n15,n17,n19,n21 O=n22,n23,n24,n25 CO=-,-,-,n26
  cell lut9 LUT6_2 INIT=7878787880808080 I0=b3 I1=a0 I2=n23 I3=1 I4=1 I5=1 O5=n27 O6=n28
  cell lut10 LUT6_2 INIT=F0F0F0F088888888 I0=b0 I1=a0 I2=n24 I3=1 I4=1 I5=1 O5=n29 O6=n30
  cell lut11 LUT6_2 INIT=7878787880808080 I0=b3 I1=a2 I2=n25 I3=1 I4=1 I5=1 O5=n31 O6=n32
  cell lut12 LUT6_2 INIT=7878787880808080 I0=b3 I1=a3 I2=n26 I3=1 I4=1 I5=1 O5=n33 O6=n34
  cell carry3 CARRY4 CI=0 CYINIT=0 DI=n27,0,n31,n33 S=n28,n30,n32,n34 O=n35,n36,n37,n38 CO=-,-,-,n39
  assign p = n29 n9 n22 n35 n36 n37 n38 n39    # LSB first
end

view gates    # exact ripple-carry array multiplier, one adder row per b bit
  # partial products: ppIJ = aI & bJ
  cell pp00 AND a0 b0 -> pp00
  cell pp10 AND a1 b0 -> pp10
  cell pp20 AND a2 b0 -> pp20
  cell pp30 AND a3 b0 -> pp30
  cell pp01 AND a0 b1 -> pp01
  cell pp11 AND a1 b1 -> pp11
  cell pp21 AND a2 b1 -> pp21
  cell pp31 AND a3 b1 -> pp31
  cell pp02 AND a0 b2 -> pp02
  cell pp12 AND a1 b2 -> pp12
  cell pp22 AND a2 b2 -> pp22
  cell pp32 AND a3 b2 -> pp32
  cell pp03 AND a0 b3 -> pp03
  cell pp13 AND a1 b3 -> pp13
  cell pp23 AND a2 b3 -> pp23
  cell pp33 AND a3 b3 -> pp33
  # row b1 added to row b0
  cell h11 HA pp10 pp01 -> p1 c11
  cell f12 FA pp20 pp11 c11 -> s12 c12
  cell f13 FA pp30 pp21 c12 -> s13 c13
  cell h14 HA pp31 c13 -> s14 c14
  # row b2
  cell h22 HA s12 pp02 -> p2 c22
  cell f23 FA s13 pp12 c22 -> s23 c23
  cell f24 FA s14 pp22 c23 -> s24 c24
  cell f25 FA c14 pp32 c24 -> s25 c25
  # row b3
  cell h33 HA s23 pp03 -> p3 c33
  cell f34 FA s24 pp13 c33 -> p4 c34
  cell f35 FA s25 pp23 c34 -> p5 c35
  cell f36 FA c25 pp33 c35 -> p6 p7
  assign p0 = pp00
end
